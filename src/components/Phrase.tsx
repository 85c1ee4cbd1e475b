/**
 * A translated string whose Danish parts are marked `<da>…</da>`
 * (src/lib/danish-parts.ts): each becomes `<span lang="da">`, the rest plain
 * (escaped) text. A Preact component, so `.astro` views render it on the
 * server and the questionnaire's components use the same one.
 */
import { danishParts } from '../lib/danish-parts.ts';

export function Phrase({ text }: { text: string }) {
  return <>{danishParts(text).map((p) => (p.danish ? <span lang="da">{p.text}</span> : p.text))}</>;
}
