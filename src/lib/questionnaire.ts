/**
 * What the questionnaire's pages share: the island's props (translated here,
 * so i18next stays on the server), the links for the page's language, and
 * reading a submitted no-JavaScript form.
 */
import type { QuestionnaireProps } from '../islands/Questionnaire.tsx';
import type { QuestionnaireLinks, QuestionnaireStrings } from '../components/questionnaire/text.tsx';
import { questionnaireData, type Answers } from '../domain/eligibility.ts';
import type { Kommune } from '../domain/kommune.ts';
import { readAnswers, type AnswerError } from '../domain/questionnaire-answers.ts';
import { STRINGS, localePath, type Locale } from '../i18n/index.ts';
import { getKommune, type KommuneEntry } from './kommuner.ts';
import { mediaType, readBodyText } from '../server/request-body.ts';

/** The no-JavaScript questionnaire is a handful of short fields; more than this is not our form. */
const FORM_LIMIT = 16 * 1024;

export const questionnairePath = (lang: Locale, slug: string) => localePath(lang, `/${slug}/kan-jeg-faa-stoette/`);
export const resultPath = (lang: Locale, slug: string) => localePath(lang, `/${slug}/kan-jeg-faa-stoette/resultat/`);

export function questionnaireLinks(lang: Locale, slug: string): QuestionnaireLinks {
  return {
    standard: localePath(lang, `/${slug}/`),
    contact: localePath(lang, `/${slug}/kontakt/`),
    apply: localePath(lang, `/${slug}/ansoeg/`),
  };
}

/** The `questionnaire` strings of one language, as the components take them. */
export const questionnaireStrings = (lang: Locale): QuestionnaireStrings => STRINGS[lang].questionnaire;

export function questionnaireProps(lang: Locale, slug: string, kommune: Kommune): QuestionnaireProps {
  return {
    lang,
    slug,
    k: questionnaireData(kommune),
    s: questionnaireStrings(lang),
    links: questionnaireLinks(lang, slug),
    phone: STRINGS[lang].phoneStatus,
  };
}

export type Submission =
  | { kind: 'not-found' }
  /** Not a form post (a bookmark, a reload after the result): start the questionnaire. */
  | { kind: 'start'; slug: string }
  | { kind: 'answered'; entry: KommuneEntry; answers: Answers; ageText: string; errors: AnswerError[] };

/**
 * The no-JavaScript form as posted. A body that is not a form (another
 * content type, over 16 KB, not UTF-8) counts as an empty form: the page
 * then asks for every answer, never a 500. Read with the same capped reader
 * as the application endpoint. Nothing is stored or logged.
 */
export async function readSubmission(request: Request, slug: string | undefined): Promise<Submission> {
  const entry = slug ? await getKommune(slug) : undefined;
  if (!entry) return { kind: 'not-found' };
  if (request.method !== 'POST') return { kind: 'start', slug: entry.id };
  const isForm = mediaType(request.headers.get('content-type')).type === 'application/x-www-form-urlencoded';
  const body = isForm ? await readBodyText(request, FORM_LIMIT) : null;
  const form = new URLSearchParams(body?.ok ? body.text : '');
  const { answers, errors } = readAnswers(form, questionnaireData(entry.data));
  const ageText = form.get('age');
  return { kind: 'answered', entry, answers, ageText: typeof ageText === 'string' ? ageText : '', errors };
}
