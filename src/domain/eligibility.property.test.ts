/**
 * Properties of the questionnaire over every answer combination (fast-check):
 * each yields an outcome with at least one reason linking to a section that
 * exists in that kommune's standard, and a way to apply for everyone the form
 * takes (none for someone under 18, whom it refuses); the no-JavaScript
 * form reaches the same assessment as the island for the same answers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ASKERS,
  optionsFor,
  questionnaireData,
  questionsFor,
  type Answers,
  type QuestionnaireKommune,
} from './eligibility.ts';
import { assess } from './assessment.ts';
import { prefillFor, readAnswers } from './questionnaire-answers.ts';
import { helpListIsVum } from './help-areas.ts';
import { headingIds } from './kommune-content.ts';
import { ADULT_AGE } from './age.ts';
import { parseKommune } from './kommune.ts';
import { readKommuneFiles } from '../lib/content-files.ts';
import { fileURLToPath } from 'node:url';

const files = readKommuneFiles(fileURLToPath(new URL('../../content/kommuner', import.meta.url)));

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Answers as a citizen could give them: any option this kommune offers, or none, for every question. */
const answersFor = (k: QuestionnaireKommune): fc.Arbitrary<Answers> => {
  const choice = (id: keyof Answers) => maybe(fc.constantFrom(...optionsFor(k, id)));
  return fc.record(
    {
      who: choice('who'),
      age: maybe(fc.integer({ min: 0, max: 120 })),
      pension: choice('pension'),
      reducedFunction: choice('reducedFunction'),
      needs: maybe(fc.subarray([...optionsFor(k, 'needs')])),
      kindOfHelp: choice('kindOfHelp'),
      coveredByOtherHelp: choice('coveredByOtherHelp'),
      housing: choice('housing'),
      canTakePart: choice('canTakePart'),
      shortNeed: choice('shortNeed'),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Answers>;
};

/** Anything at all in every field (a tampered form, an old sessionStorage entry). */
const anyAnswers = fc.dictionary(
  fc.constantFrom('who', 'age', 'pension', 'reducedFunction', 'needs', 'kindOfHelp', 'coveredByOtherHelp', 'housing', 'canTakePart', 'shortNeed'),
  fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.constant(null)),
) as fc.Arbitrary<unknown> as fc.Arbitrary<Answers>;

/** The fields a browser posts for these answers (the form has every question; unanswered ones are absent). */
function formFields(answers: Answers): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(answers)) {
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else if (value !== undefined) form.append(name, String(value));
  }
  return form;
}

describe.each(files)('$slug', ({ file, data, body }) => {
  const k = questionnaireData(parseKommune(file, data));
  const sections = new Set(headingIds(body));

  it('every answer combination yields an outcome with at least one reason, each linking to a section of the standard, and a way to apply for everyone the form takes', () => {
    fc.assert(
      fc.property(answersFor(k), (answers) => {
        const result = assess(answers, k);
        expect(['likely', 'other-help', 'unclear']).toContain(result.outcome);
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const r of result.reasons) expect(sections, r.section).toContain(r.section);
        for (const s of result.nextSteps) if (s.kind === 'other-help' && s.section) expect(sections).toContain(s.section);
        // Applying is offered to everyone the form takes (18 and older, or age unknown), and to no one it refuses.
        const takenByForm = answers.age === undefined || answers.age >= ADULT_AGE;
        expect(result.nextSteps.some((s) => s.kind === 'apply')).toBe(takenByForm);
        expect(result.nextSteps).toContainEqual({ kind: 'call' });
      }),
    );
  });

  it('never fails on nonsense answers: still an outcome, a reason and the phone', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const result = assess(answers, k);
        expect(result.reasons.length).toBeGreaterThan(0);
        expect(result.nextSteps).toContainEqual({ kind: 'call' });
      }),
    );
  });

  it('the outcome follows from the reasons: other help when one points elsewhere, else unclear when one is, else likely', () => {
    fc.assert(
      fc.property(answersFor(k), (answers) => {
        const { outcome, reasons, nextSteps } = assess(answers, k);
        const effects = new Set(reasons.map((r) => r.effect));
        const expected = effects.has('other-help') ? 'other-help' : effects.has('unclear') ? 'unclear' : 'likely';
        expect(outcome).toBe(expected);
        expect(nextSteps.some((s) => s.kind === 'other-help')).toBe(outcome === 'other-help');
      }),
    );
  });

  it('only the questions asked count: answers to the others change nothing', () => {
    fc.assert(
      fc.property(answersFor(k), (answers) => {
        const asked = questionsFor(k, answers);
        const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => asked.includes(id as keyof Answers)));
        expect(assess(kept, k)).toEqual(assess(answers, k));
      }),
    );
  });

  it('the no-JavaScript form reaches the same assessment as the island, and asks only for what is missing', () => {
    fc.assert(
      fc.property(answersFor(k), (answers) => {
        const { answers: read, errors } = readAnswers(formFields(answers), k);
        const missing = questionsFor(k, answers).filter(
          (id) => id !== 'needs' && answers[id] === undefined && !(id === 'pension' && answers.age === undefined),
        );
        expect(errors.map((e) => e.question)).toEqual(missing);
        if (errors.length === 0) expect(assess(read, k)).toEqual(assess(answers, k));
      }),
    );
  });

  it('the answers carried over to the application keep to the contract with the form', () => {
    fc.assert(
      fc.property(answersFor(k), (answers) => {
        const prefill = prefillFor(answers, k);
        expect(Object.keys(prefill).sort()).toEqual(['age', 'helpAreas', 'needs', 'pension', 'who']);
        // A kommune's own items go along as helpAreas, never as VUM themes; the VUM themes as needs.
        const chosen = questionsFor(k, answers).includes('needs') ? k.helpAreas.map((h) => h.slug).filter((s) => answers.needs?.includes(s)) : [];
        expect(helpListIsVum(k) ? [prefill.needs, prefill.helpAreas] : [prefill.helpAreas, prefill.needs]).toEqual([chosen, []]);
        expect(ASKERS).toContain(prefill.who);
        expect(prefill.age).toBe(answers.age ?? null);
        for (const need of prefill.needs) expect(k.helpAreas.map((h) => h.slug)).toContain(need);
        if (!questionsFor(k, answers).includes('pension')) expect(prefill.pension).toBeNull();
      }),
    );
  });
});
