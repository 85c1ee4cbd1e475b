/**
 * The DKFDS/GOV.UK error summary: a heading and one link per problem to the
 * field. It takes focus: the island focuses it (`summaryRef`); the
 * no-JavaScript page gives it `autofocus`.
 */
import type { Ref } from 'preact';
import type { AnswerError } from '../../domain/questionnaire-answers.ts';
import type { QuestionnaireKommune } from '../../domain/eligibility.ts';
import { fieldId } from './QuestionField.tsx';
import type { QuestionnaireStrings } from './text.tsx';

interface Props {
  k: QuestionnaireKommune;
  s: QuestionnaireStrings;
  errors: AnswerError[];
  summaryRef?: Ref<HTMLDivElement>;
  autofocus?: boolean;
}

export function errorText(s: QuestionnaireStrings, error: AnswerError): string {
  const messages = s.errors[error.question] as Record<string, string>;
  return messages[error.code] ?? messages.required ?? '';
}

export function ErrorSummary({ k, s, errors, summaryRef, autofocus }: Props) {
  const focusField = (event: MouseEvent, id: string) => {
    // Scroll the question's heading into view with the field, not the bare input (as DKFDS's own script does).
    const field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    field.closest('.question')?.scrollIntoView();
    field.focus({ preventScroll: true });
  };
  return (
    <div class="alert alert-error error-summary" tabIndex={-1} ref={summaryRef} aria-labelledby="fejl-overskrift" autofocus={autofocus}>
      <div class="alert-body">
        <h2 class="alert-heading" id="fejl-overskrift">{s.errorSummary}</h2>
        <ul class="alert-text nobullet-list">
          {errors.map((error) => {
            const id = fieldId(k, error.question);
            return (
              <li key={error.question}>
                <a href={`#${id}`} onClick={(e) => focusField(e, id)}>
                  {errorText(s, error)}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
