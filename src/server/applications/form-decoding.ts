/**
 * The no-JavaScript form's post (`application/x-www-form-urlencoded`) read
 * as the form model's values (src/domain/application-form.ts), and the form
 * page a post came from, for answers given before its body is read.
 */
import { FORM_FIELDS, HIDDEN_FIELDS, type FormValues } from '../../domain/application-form.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { FORBIDDEN_KEYS, type RequestHeaders } from '../request-body.ts';

export const isLocale = (s: string | undefined): s is Locale => (LOCALES as readonly string[]).includes(s ?? '');

export interface DecodedForm {
  values: FormValues;
  /** The hidden fields (kommune, lang, idempotencyKey), the first of each. */
  hidden: Partial<Record<(typeof HIDDEN_FIELDS)[number], string>>;
  /** The first field name the form does not have (or a prototype key): the post is malformed. */
  unknown: string | null;
}

/** Form fields as FormValues; a field name we do not know (or a prototype key) makes the form malformed. */
export function decodeForm(text: string): DecodedForm {
  const values: Record<string, string | string[]> = {};
  const hidden: Record<string, string> = {};
  let unknown: string | null = null;
  for (const [name, raw] of new URLSearchParams(text)) {
    // An HTML form sends a textarea's line breaks as CRLF; the island (JSON) sends LF. Store one kind.
    const value = raw.replace(/\r\n?/g, '\n');
    if (name === 'needs') values.needs = [...((values.needs as string[] | undefined) ?? []), value];
    else if ((FORM_FIELDS as readonly string[]).includes(name) && !FORBIDDEN_KEYS.has(name)) values[name] ??= value;
    else if ((HIDDEN_FIELDS as readonly string[]).includes(name)) hidden[name] ??= value;
    else unknown ??= name;
  }
  return { values: values as FormValues, hidden, unknown };
}

/** The form page a browser posted from (for answers given before the body is read), from the same-origin Referer. */
export function formPageFromReferer(request: RequestHeaders, url: URL, kommuner: readonly string[]): { lang: Locale; kommune: string } | null {
  const referer = request.headers.get('referer');
  // A Referer is the client's word: one that is not a URL is no form page, never a 500.
  if (!referer || !URL.canParse(referer, url)) return null;
  const from = new URL(referer, url);
  const m = /^\/(?:(en)\/)?([a-z0-9-]+)\/ansoeg\/$/.exec(from.pathname);
  return from.origin === url.origin && m?.[2] && kommuner.includes(m[2]) ? { lang: m[1] === 'en' ? 'en' : 'da', kommune: m[2] } : null;
}
