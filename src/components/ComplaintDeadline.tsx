/**
 * "Klagefrist" in the complaint section of a standard page (the body's
 * `<Klagefrist />`, mapped in KommunePage.astro): the standard's deadline in
 * plain Danish with its own words, or that it is silent, and always the law's
 * deadline (retssikkerhedsloven § 67), labelled as law. Weighted for the
 * search (pagefind), so "klage" or "klagefrist" from a kommune's pages lands
 * here first. Rendered on the server only.
 */
import type { Fact } from '../domain/kommune.ts';
import type { Located } from '../domain/provenance.ts';
import type { Locale } from '../i18n/index.ts';
import { phoneSegments } from '../domain/phone-numbers-in-text.ts';
import { PhoneLink } from './PhoneLink.tsx';
import { Phrase } from './Phrase.tsx';
import { fillNodes } from './questionnaire/text.tsx';

export interface ComplaintDeadlineStrings {
  heading: string;
  notStated: string;
  standardSays: string;
  /** With `{{section}}`: the source document's heading the quote stands under. */
  standardSaysIn: string;
  lawSays: string;
  law: string;
}

interface Props {
  lang: Locale;
  fact: (Fact & Located) | null;
  phones: readonly string[];
  s: ComplaintDeadlineStrings;
}

/** The heading's id: the search's sub-result and any link to "when must I complain?" point here. */
export const COMPLAINT_DEADLINE_ID = 'klagefrist';

export function ComplaintDeadline({ lang, fact, phones, s }: Props) {
  return (
    <section class="complaint-deadline" aria-labelledby={COMPLAINT_DEADLINE_ID} lang={lang} data-pagefind-weight="4">
      <h3 id={COMPLAINT_DEADLINE_ID}>{s.heading}</h3>
      {fact ? (
        <>
          <p lang="da">
            {phoneSegments(fact.text, phones).map((part) => (part.phone ? <PhoneLink phone={part.phone} text={part.text} /> : part.text))}
          </p>
          {fact.quote && (
            <p>
              {fact.quoteSection ? fillNodes(s.standardSaysIn, { section: <span lang="da">{fact.quoteSection}</span> }) : s.standardSays}{' '}
              <span lang="da">„{fact.quote}“</span>
            </p>
          )}
        </>
      ) : (
        <p>{s.notStated}</p>
      )}
      <p>
        <strong>{s.lawSays}</strong> <Phrase text={s.law} />
      </p>
    </section>
  );
}
