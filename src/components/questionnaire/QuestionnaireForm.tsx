/**
 * The questionnaire without JavaScript: every question the kommune could
 * need on one plain HTML form that posts to the server-rendered result page
 * (POST, so the answers stay out of URLs and logs). Rendered on the server
 * only; with JavaScript the island replaces it. After an error the page
 * shows it again with the answers kept and an error summary first.
 *
 * On the questionnaire page (`firstStep`) it opens exactly as the island's
 * first question renders ("Trin 1 af 7", the question, "Næste", "Tilbage"),
 * the other questions and "Se resultatet" marked `no-js-only`, "Trin 1 af 7",
 * "Næste" and the note on the tab's memory `js-only`. The page loads public/island-js.js
 * before it, so with JavaScript only the first question is laid out and the
 * island takes over in place (no layout shift); without JavaScript the whole
 * form shows. Keep that markup the same as src/islands/Questionnaire.tsx's
 * (docs/islands.md).
 */
import { Fragment } from 'preact';
import { adultAge, pensionAgeBand, questionsFor, type Answers, type QuestionId, type QuestionnaireKommune } from '../../domain/eligibility.ts';
import { ageBand } from '../../domain/age-band.ts';
import { ageBandText } from '../../lib/age-band-text.ts';
import type { AnswerError } from '../../domain/questionnaire-answers.ts';
import { fillTemplate } from '../../lib/template.ts';
import type { Locale } from '../../i18n/index.ts';
import { ErrorSummary } from '../ErrorSummary.tsx';
import { errorText, summaryItems } from './errors.ts';
import { QuestionField } from './QuestionField.tsx';
import type { QuestionnaireStrings } from './text.tsx';

interface Props {
  k: QuestionnaireKommune;
  s: QuestionnaireStrings;
  lang: Locale;
  action: string;
  answers?: Answers;
  /** The age as typed, kept when it could not be read. */
  ageText?: string;
  errors?: AnswerError[];
  /** Open as the island's first step: its "Tilbage" link goes here (the kommune's standard). */
  firstStep?: { back: string };
}

export function QuestionnaireForm({ k, s, lang, action, answers = {}, ageText, errors = [], firstStep }: Props) {
  const value = (id: QuestionId): string | string[] | undefined =>
    id === 'age' ? (ageText ?? (answers.age === undefined ? '' : String(answers.age))) : (answers[id] as string | string[] | undefined);
  const error = (id: QuestionId) => {
    const found = errors.find((e) => e.question === id);
    return found && errorText(s, found);
  };
  const questions = questionsFor(k);
  const firstAfterAge = questions[questions.indexOf('age') + 1];
  const field = (id: QuestionId, caption?: string) => (
    <Fragment key={id}>
      {id === firstAfterAge && <p class="questionnaire-form__note">{fillTemplate(s.under18Hint, { age: adultAge(k) })}</p>}
      <QuestionField id={id} k={k} s={s} lang={lang} level={2} caption={caption} captionJsOnly value={value(id)} error={error(id)} condition={id === 'pension' ? pensionCondition(k, s) : undefined} />
    </Fragment>
  );
  if (firstStep) {
    // The island's first question (Questionnaire.tsx), as many steps as it counts with no answers yet.
    const [first, ...rest] = questions;
    return (
      <form method="post" action={action} noValidate class="questionnaire-step">
        <ErrorSummary heading={s.errorSummary} items={summaryItems(k, s, errors)} autofocus />
        {field(first!, fillTemplate(s.step, { step: 1, total: questionsFor(k, {}).length }))}
        <div class="questionnaire-form no-js-only">{rest.map((id) => field(id))}</div>
        <div class="questionnaire-nav">
          {/* One button: "Næste" as the island's, "Se resultatet" without it (its name is the text shown). */}
          <button type="submit" class="button button-primary">
            <span class="js-only">{s.next}</span>
            <span class="no-js-only">{s.submit}</span>
          </button>
          <a class="button button-secondary" href={firstStep.back}>{s.back}</a>
        </div>
        <p class="questionnaire-privacy js-only">{s.privacyJs}</p>
      </form>
    );
  }
  return (
    <form method="post" action={action} noValidate class="questionnaire-form">
      <ErrorSummary heading={s.errorSummary} items={summaryItems(k, s, errors)} autofocus />
      {questions.map((id) => field(id))}
      <button class="button button-primary" type="submit">{s.submit}</button>
    </form>
  );
}

/** "Du skal kun svare, hvis du er under 30 år." from the routing rule. */
function pensionCondition(k: QuestionnaireKommune, s: QuestionnaireStrings): string {
  const rule = pensionAgeBand(k);
  // Only a band with an upper age makes the question one that some need not answer.
  const band = rule && rule.belowAge !== null ? ageBand(rule) : null;
  return band ? fillTemplate(s.questions.pension.onlyIfAged, { band: ageBandText(band, s.ageBand) }) : '';
}
