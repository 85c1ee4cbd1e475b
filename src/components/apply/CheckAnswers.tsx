/**
 * "Tjek dine svar" without JavaScript (`/<kommune>/ansoeg/tjek/`): the answers
 * kept from the one-page form with a "Ret" link to each question on the form
 * page, where the application goes and why (routing decided on the server,
 * the same box the island shows), and the send button. Its form posts the
 * answers, as hidden fields, to the endpoint. Rendered on the server only.
 */
import { ageFromForm, formEntries, pensionAnswer, type FormValues } from '../../domain/application-form.ts';
import { applicationsApiPath } from '../../domain/paths.ts';
import { pensionMatters } from '../../domain/routing.ts';
import type { RoutingWords } from '../../lib/route-reason.ts';
import { Review, reviewRows } from './Review.tsx';
import { RoutingPreview, previewFor } from './RoutingPreview.tsx';
import type { ApplyStrings, FormKommune, PreviewFragments } from './types.ts';

interface Props {
  lang: 'da' | 'en';
  kommune: FormKommune;
  /** The words for whoever filled in the form. */
  s: ApplyStrings;
  words: RoutingWords;
  fragments: PreviewFragments;
  values: FormValues;
  idempotencyKey: string;
  /** The form page, where "Ret" goes (with the draft's `?svar=…`). */
  formPage: string;
  /** The draft's `?svar=…`: the endpoint keeps a failed sending's answers in the same draft, and forgets it once sent. */
  query: string;
  now: Date;
}

export function CheckAnswers({ lang, kommune, s, words, fragments, values, idempotencyKey, formPage, query, now }: Props) {
  const age = ageFromForm(values, now);
  return (
    <>
      <p>{s.review.lead}</p>
      <Review s={s} rows={reviewRows(s, values, pensionMatters(kommune, age))} form={formPage} />
      <RoutingPreview s={s} words={words} fragments={fragments} preview={previewFor(kommune, age, pensionAnswer(values))} />
      <form id="ansoegning" method="post" action={`${applicationsApiPath}${query}`} novalidate>
        <input type="hidden" name="kommune" value={kommune.slug} />
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {formEntries(values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <p>{s.review.sendLead}</p>
        <div class="apply-form__actions">
          <button type="submit" class="button button-primary">
            {s.send}
          </button>
        </div>
      </form>
    </>
  );
}
