/**
 * The questionnaire's no-JavaScript form as posted to its result page: read
 * with the same capped body reader as the application endpoint, checked by
 * the same rules as the island (domain/questionnaire-answers.ts).
 */
import { questionnaireData, type Answers } from '../domain/eligibility.ts';
import { readAnswers, type AnswerError } from '../domain/questionnaire-answers.ts';
import { getKommune, type KommuneEntry } from '../lib/kommuner.ts';
import { mediaType, readBodyText } from './request-body.ts';

/** The no-JavaScript questionnaire is a handful of short fields; more than this is not our form. */
const FORM_LIMIT = 16 * 1024;

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
