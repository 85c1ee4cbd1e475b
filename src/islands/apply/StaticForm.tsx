/**
 * The application without JavaScript: every question on one page, a plain
 * HTML form that posts `application/x-www-form-urlencoded` to the endpoint.
 * Errors come back as this page with every answer kept (the page renders
 * the error summary above it). Rendered on the server only; the island
 * replaces it when JavaScript runs.
 */
import { ageFromForm } from '../../domain/application-form.ts';
import { pensionMatters } from '../../domain/routing.ts';
import { RoutingPreview, previewFor } from './RoutingPreview.tsx';
import { ContactSection, NeedsSection, PersonSection, WhoSection, one } from './Sections.tsx';
import type { FieldMessages } from './messages.ts';
import type { ApplyProps } from './types.ts';

export const pensionAnswer = (v: string) => (v === 'ja' ? true : v === 'nej' ? false : null);

export function StaticForm(props: ApplyProps & { errors: FieldMessages; now: Date }) {
  const { strings: s, values, errors, kommune } = props;
  const section = { s, values, errors, live: false };
  const age = ageFromForm(values, props.now) ?? props.ageHint;
  const preview = previewFor(kommune, age, pensionAnswer(one(values, 'pension')));
  const heading = (id: string, text: string) => (
    <h2 id={`trin-${id}`} class="h3">
      {text}
    </h2>
  );
  return (
    <form id="ansoegning" method="post" action="/api/ansoegninger" novalidate>
      <input type="hidden" name="kommune" value={kommune.slug} />
      <input type="hidden" name="lang" value={props.lang} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <section aria-labelledby="trin-hvem">
        {heading('hvem', s.steps.hvem)}
        <WhoSection {...section} />
      </section>
      <section aria-labelledby="trin-person">
        {heading('person', s.person.headingBehalf)}
        <PersonSection {...section} askPension={pensionMatters(kommune, null)} selfKnown={one(values, 'who') === 'self'} />
      </section>
      <section aria-labelledby="trin-behov">
        {heading('behov', s.steps.behov)}
        <NeedsSection {...section} />
      </section>
      <section aria-labelledby="trin-kontakt">
        {heading('kontakt', s.steps.kontakt)}
        <ContactSection {...section} />
      </section>
      <RoutingPreview s={s} kommune={kommune} preview={preview} contactPath={props.contactPath} />
      <p>{s.review.sendLead}</p>
      <button type="submit" class="button button-primary">
        {s.send}
      </button>
    </form>
  );
}
