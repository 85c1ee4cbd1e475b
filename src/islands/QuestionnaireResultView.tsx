/**
 * The questionnaire island's result (src/islands/Questionnaire.tsx): the
 * assessment, the result markup the no-JavaScript page shows too, and the
 * unit's "Åben nu" line kept current by the phone-status script. A file of
 * its own that the island starts loading as it mounts, so the questions are
 * usable before it arrives and it is there by the last answer
 * (docs/islands.md, "Budgets").
 */
import { useEffect } from 'preact/hooks';
import type { ComponentChildren, Ref } from 'preact';
import type { Answers } from '../domain/eligibility.ts';
import { assess } from '../domain/assessment.ts';
import { prefillFor, prefillStorageKey } from '../domain/questionnaire-answers.ts';
import { QuestionnaireResult } from '../components/questionnaire/QuestionnaireResult.tsx';
import { PhoneStatusLine } from '../components/PhoneStatusLine.tsx';
import { refreshPhoneStatus } from './phone-status.ts';
import type { QuestionnaireProps } from './Questionnaire.tsx';

interface Props extends Omit<QuestionnaireProps, 'slug'> {
  slug: string;
  answers: Answers;
  headingRef: Ref<HTMLHeadingElement>;
  controls: ComponentChildren;
  /** Keeps a value in sessionStorage (the island's `store`). */
  store: (key: string, value: unknown) => void;
}

export function ResultView({ lang, slug, k, s, links, phone, answers, headingRef, controls, store }: Props) {
  // The phone-status script writes (and keeps refreshing) the result's "Åben nu" line.
  useEffect(refreshPhoneStatus, []);
  const assessment = assess(answers, k);
  const hours = assessment.unit.phoneHours;
  return (
    <QuestionnaireResult
      k={k}
      s={s}
      lang={lang}
      answers={answers}
      assessment={assessment}
      links={links}
      level={2}
      headingRef={headingRef}
      apply={{ kind: 'link', onClick: () => store(prefillStorageKey(slug), prefillFor(answers, k)) }}
      phoneStatus={hours && <PhoneStatusLine config={{ lang, hours, strings: phone }} note={phone.assumption} />}
      controls={controls}
    />
  );
}
