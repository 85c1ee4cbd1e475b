/**
 * The questionnaire's answers as they travel: read from a plain HTML form
 * (the no-JavaScript version posts one), checked question by question (the
 * island checks the current screen with the same rules), and handed to the
 * application form as the prefill contract:
 *
 *   sessionStorage `stoetteportalen:questionnaire:<kommune-slug>` =
 *   { who, age, pension, needs, description? }   (JavaScript), or
 *   POST /<kommune>/ansoeg/ with prefill=questionnaire, who, age, pension, needs…, description? (no JavaScript).
 *
 * `needs` are VUM themes (what the API takes); a kommune with its own help
 * list carries the chosen items as a `description` instead (see `prefillFor`).
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
import { VUM_THEMES } from './ids.ts';


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
  /** VUM themes: the API's `needs`. */
  needs: string[];
  /** The chosen items of a kommune's own help list, as a sentence the citizen can edit; absent when none. */
  description?: string;
}

/**
 * The page's words for carrying a kommune's own help items over, by who is
 * answering; `{{needs}}` becomes the items, one per line
 * ("Jeg har brug for hjælp til:\n- Administration\n- Indkøb og kost").
 */
export interface CarriedNeedsStrings {
  self: string;
  other: string;
}

/**
 * Whether the kommune's help list is the VUM themes, which the application's
 * `needs` takes as they are (Brønderslev 000 and Varde 003 list the VUM
 * themes). Any other item makes it the kommune's own list (Frederikssund 001,
 * Sønderborg 002, Aabenraa 004): those standards do not map their items to
 * VUM themes, so neither do we, not even Sønderborg's "praktiske opgaver i
 * hjemmet", which shares a theme's name but is one of its own indsatser.
 */
export function helpListIsVum(k: Pick<QuestionnaireKommune, 'helpAreas'>): boolean {
  return k.helpAreas.every((h) => (VUM_THEMES as readonly string[]).includes(h.slug));
}

/**
 * The chosen items of an own help list in the page's words (the labels are the standard's own,
 * in the person of the text: "Jeg har brug for hjælp til: … mine færdigheder", `inPersonOf`).
 */
function carriedNeeds(k: QuestionnaireKommune, needs: string[], who: Asker, s: CarriedNeedsStrings): string {
  const person = who === 'self' ? 'self' : 'other';
  const items = k.helpAreas.filter((h) => needs.includes(h.slug)).map((h) => `- ${h.carried[person]}`);
  return s[person].replace('{{needs}}', items.join('\n'));
}

/** Where the island leaves the prefill (defined once in ids.ts, which the application form also reads). */
export { prefillStorageKey } from './ids.ts';

export function prefillFor(answers: Answers, k: QuestionnaireKommune, s: CarriedNeedsStrings): QuestionnairePrefill {
  const asked = questionsFor(k, answers);
  const who = answers.who ?? 'self';
  const chosen = asked.includes('needs') ? knownNeeds(k, answers.needs) : [];
  const vum = helpListIsVum(k);
  const prefill: QuestionnairePrefill = {
    who,
    age: answers.age ?? null,
    pension: asked.includes('pension') ? (answers.pension ?? null) : null,
    needs: vum ? chosen : [],
  };
  if (!vum && chosen.length) prefill.description = carriedNeeds(k, chosen, who, s);
  return prefill;
}

/** The same prefill as hidden form fields for the no-JavaScript form (`needs` once per need). */
export function prefillFields(prefill: QuestionnairePrefill): [name: string, value: string][] {
  return [
    ['prefill', 'questionnaire'],
    ['who', prefill.who],
    ['age', prefill.age === null ? '' : String(prefill.age)],
    ['pension', prefill.pension ?? ''],
    ...prefill.needs.map((need): [string, string] => ['needs', need]),
    ...(prefill.description ? [['description', prefill.description] as [string, string]] : []),
  ];
}
