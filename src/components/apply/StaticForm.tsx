/**
 * The application without JavaScript: every question on one page, a plain
 * HTML form that posts `application/x-www-form-urlencoded` to "Tjek dine
 * svar" (`/<kommune>/ansoeg/tjek/`), which keeps the answers and redirects:
 * back here with the error summary and every answer when a field has a
 * problem, else to the answers and the send button (CheckAnswers.tsx).
 * Rendered on the server only (a component, not an island); the island
 * (src/islands/apply/ApplyForm.tsx) replaces it when JavaScript runs. Its
 * sections are the island's steps (STEPS).
 *
 * It opens exactly as the island's first step renders (the step indicator,
 * "Trin 1 af 5", "Hvem søger?", "Fortsæt"); the rest of the form is marked
 * `no-js-only` and the step indicator and "Trin 1 af 5" `js-only`. The page
 * loads public/island-js.js before it, so with JavaScript only the first step
 * is laid out and the island takes over in place (no layout shift); without
 * JavaScript the whole form shows, and "Fortsæt" posts it. Keep the first
 * step's markup the same as ApplyForm's (docs/islands.md).
 */
import type { ComponentChildren } from 'preact';
import { ageFromForm, pensionAnswer } from '../../domain/application-form.ts';
import { pensionMatters } from '../../domain/routing.ts';
import { checkAnswersPath } from '../../domain/paths.ts';
import { fillerOf } from '../../lib/apply-words.ts';
import { fillTemplate } from '../../lib/template.ts';
import { STEPS } from '../../domain/application-steps.ts';
import { RoutingPreview, previewFor } from './RoutingPreview.tsx';
import { rulesFragment } from './RoutingFragments.tsx';
import { ContactSection, NeedsSection, OnBehalfFields, PersonSection, WhoSection, one } from './Sections.tsx';
import type { FieldMessages } from './messages.ts';
import type { ApplyProps } from './types.ts';

/** One step of the island, as a section of the one page. */
const Part = ({ id, title, children }: { id: string; title: string; children: ComponentChildren }) => (
  <section aria-labelledby={`step-${id}`}>
    <h2 id={`step-${id}`} class="h3">
      {title}
    </h2>
    {children}
  </section>
);

export function StaticForm(props: ApplyProps & { errors: FieldMessages; now: Date; draftQuery: string }) {
  const { values, errors, kommune } = props;
  const filler = fillerOf(one(values, 'who'));
  const s = props.strings[filler];
  const section = { s, values, errors, live: false };
  const age = ageFromForm(values, props.now) ?? props.ageHint;
  const preview = previewFor(kommune, age, pensionAnswer(values));
  return (
    // The island's markup for its first step (ApplyForm.tsx), with the no-JavaScript form's own attributes.
    <div class="apply-form" id="ansoegning">
      <div class="js-only" dangerouslySetInnerHTML={{ __html: props.steps[filler]![0]! }} />
      <form method="post" action={`${checkAnswersPath(props.lang, kommune.slug)}${props.draftQuery}`} novalidate aria-labelledby="apply-step-heading">
        <input type="hidden" name="kommune" value={kommune.slug} />
        <input type="hidden" name="lang" value={props.lang} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <p class="step-subheading js-only">{fillTemplate(s.stepOf, { current: 1, total: STEPS.length })}</p>
        <h2 id="apply-step-heading" tabindex={-1}>
          {s.steps.who}
        </h2>
        <WhoSection {...section} />
        <div class="no-js-only">
          {/* Here, not in WhoSection: the island shows them only for "Jeg søger for en anden" and ships none of this. */}
          <fieldset class="conditional-fields">
            <legend class="h3">{s.onBehalf.heading}</legend>
            <p class="form-hint">{s.onBehalf.onlyIfOnBehalf}</p>
            <OnBehalfFields {...section} />
          </fieldset>
          <Part id="person" title={s.person.heading}>
            <PersonSection {...section} askPension={pensionMatters(kommune, null)} />
          </Part>
          <Part id="needs" title={s.steps.needs}>
            <NeedsSection {...section} />
          </Part>
          <Part id="contact" title={s.steps.contact}>
            <ContactSection {...section} />
          </Part>
          {/* The rules before the age is known, worded for this page: it does not change as answers are typed. */}
          <RoutingPreview s={s} words={props.routing[filler]} fragments={{ ...props.fragments[filler], rules: rulesFragment(kommune, s, props.routing[filler], true) }} preview={preview} />
          <p>{s.check.continueLead}</p>
        </div>
        <div class="apply-form__actions">
          <button type="submit" class="button button-primary">
            {s.continue}
          </button>
        </div>
        <p class="apply-form__status" role="status"></p>
      </form>
    </div>
  );
}
