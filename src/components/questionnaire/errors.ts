/**
 * The words for the questionnaire's errors, for the error summary
 * (src/components/ErrorSummary.tsx) and under each question.
 */
import type { AnswerError } from '../../domain/questionnaire-answers.ts';
import type { QuestionnaireKommune } from '../../domain/eligibility.ts';
import { questionFieldId } from './QuestionField.tsx';
import type { QuestionnaireStrings } from './text.tsx';

export function errorText(s: QuestionnaireStrings, error: AnswerError): string {
  // Every question has a `required` message; some (the age) also an `invalid` one.
  const messages: { required: string; invalid?: string } = s.errors[error.question];
  return messages[error.code] ?? messages.required;
}

/** One summary link per problem, to the question's first input. */
export const summaryItems = (k: QuestionnaireKommune, s: QuestionnaireStrings, errors: AnswerError[]) =>
  errors.map((error) => ({ href: `#${questionFieldId(k, error.question)}`, text: errorText(s, error) }));
