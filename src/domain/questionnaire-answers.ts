/**
 * The questionnaire's answers as they travel: read from a plain HTML form
 * (the no-JavaScript version posts one), checked question by question (the
 * island checks the current screen with the same rules), and handed to the
 * application form as the prefill contract:
 *
 *   sessionStorage `stoetteportalen:questionnaire:<kommune-slug>` =
 *   { who, age, pension, needs, helpAreas }   (JavaScript), or
 *   POST /<kommune>/ansoeg/ with prefill=questionnaire, who, age, pension, needs…, helpAreas… (no JavaScript).
 *
 * The chosen help goes where the application takes it: VUM themes as `needs`,
 * items of a kommune's own help list as `helpAreas` (see `prefillFor`). The
 * form ticks them in its help question, so it does not ask again.
 *
 * Errors are codes; the UI words them. Nothing here stores anything.
 */
import { OLDEST_AGE } from './age.ts';
import {
  optionsFor,
  questionsFor,
  knownNeeds,
  type Answers,
  type Asker,
  type QuestionId,
  type QuestionnaireKommune,
  type YesNo,
} from './eligibility.ts';
import { helpListIsVum } from './help-areas.ts';


export interface AnswerError {
  question: QuestionId;
  code: 'required' | 'invalid';
}

/** Reads form fields: a `FormData` or `URLSearchParams` fits. */
export interface FieldReader {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

/** "42" → 42; blank → null; anything else (letters, decimals, 200) → 'invalid'. */
export function parseAge(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // As people type it beside the field's "år": "24", "24 år", "24år", "24 years".
  const m = /^(\d{1,3})\s*(?:år|years?)?$/i.exec(trimmed);
  if (!m) return 'invalid';
  const age = Number(m[1]);
  return age <= OLDEST_AGE ? age : 'invalid';
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The answers in a submitted form, keeping only values the questions offer,
 * and the errors for the questions this kommune asks given those answers
 * (a 15-year-old is not asked about housing; only an unreadable age is an
 * error when it is not required).
 */
export function readAnswers(fields: FieldReader, k: QuestionnaireKommune): { answers: Answers; errors: AnswerError[] } {
  const answers: Answers = {};
  const errors: AnswerError[] = [];
  const choice = <T extends string>(id: QuestionId): T | undefined => {
    const value = text(fields.get(id));
    return optionsFor(k, id).includes(value) ? (value as T) : undefined;
  };
  const set = <K extends QuestionId>(id: K, value: Answers[K] | undefined) => {
    if (value !== undefined) answers[id] = value;
  };

  set('who', choice<Asker>('who'));
  const age = parseAge(text(fields.get('age')));
  if (age === 'invalid') errors.push({ question: 'age', code: 'invalid' });
  else if (age !== null) answers.age = age;
  set('pension', choice<YesNo>('pension'));
  set('reducedFunction', choice<YesNo>('reducedFunction'));
  const needs = knownNeeds(k, fields.getAll('needs').map(text));
  if (needs.length) answers.needs = needs;
  set('kindOfHelp', choice('kindOfHelp'));
  set('coveredByOtherHelp', choice<YesNo>('coveredByOtherHelp'));
  set('housing', choice('housing'));
  set('canTakePart', choice<YesNo>('canTakePart'));
  set('shortNeed', choice<YesNo>('shortNeed'));

  const asked = questionsFor(k, answers);
  const kept: Answers = {};
  for (const id of asked) if (answers[id] !== undefined) Object.assign(kept, { [id]: answers[id] });
  const missing = missingAnswers(kept, k).filter((e) => !errors.some((x) => x.question === e.question));
  return { answers: kept, errors: [...errors, ...missing] };
}

/**
 * The questions this kommune asks that have no answer yet. `needs` may be
 * left empty (the outcome then says to talk it through with the kommune).
 */
export function missingAnswers(answers: Answers, k: QuestionnaireKommune): AnswerError[] {
  return questionsFor(k, answers)
    // Førtidspension depends on the age: ask for it again once the age is readable.
    .filter((id) => id !== 'needs' && answers[id] === undefined && !(id === 'pension' && answers.age === undefined))
    .map((question) => ({ question, code: 'required' }));
}

/** The prefill contract with the application form; see the module comment. */
export interface QuestionnairePrefill {
  who: Asker;
  age: number | null;
  pension: YesNo | null;
  /** VUM themes: the API's `needs` (empty where the kommune has its own list). */
  needs: string[];
  /** Items of the kommune's own help list: the API's `helpAreas` (empty where the list is the VUM themes). */
  helpAreas: string[];
}

/** Where the island leaves the prefill (defined once in ids.ts, which the application form also reads). */
export { prefillStorageKey } from './ids.ts';

export function prefillFor(answers: Answers, k: QuestionnaireKommune): QuestionnairePrefill {
  const asked = questionsFor(k, answers);
  const chosen = asked.includes('needs') ? knownNeeds(k, answers.needs) : [];
  const vum = helpListIsVum(k);
  return {
    who: answers.who ?? 'self',
    age: answers.age ?? null,
    pension: asked.includes('pension') ? (answers.pension ?? null) : null,
    needs: vum ? chosen : [],
    helpAreas: vum ? [] : chosen,
  };
}

/** The same prefill as hidden form fields for the no-JavaScript form (`needs` and `helpAreas` once per item). */
export function prefillFields(prefill: QuestionnairePrefill): [name: string, value: string][] {
  return [
    ['prefill', 'questionnaire'],
    ['who', prefill.who],
    ['age', prefill.age === null ? '' : String(prefill.age)],
    ['pension', prefill.pension ?? ''],
    ...prefill.needs.map((need): [string, string] => ['needs', need]),
    ...prefill.helpAreas.map((item): [string, string] => ['helpAreas', item]),
  ];
}
