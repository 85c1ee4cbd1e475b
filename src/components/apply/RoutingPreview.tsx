/**
 * "Din ansøgning går til UngeCentret, fordi du er under 30 år og ikke får
 * førtidspension" ("Ansøgningen går til …, fordi personen er …" for someone
 * applying for another) with that unit's phone and phone hours, shown before the
 * application is sent and updated as the answers change. Until the age is
 * known, a kommune with several units shows its rules; under 18, where
 * children and young people get help instead. Unit names and a kommune's own
 * reason are the standard's Danish words (lang="da" on English pages).
 */
import { destinationFor, type Destination } from '../../domain/routing.ts';
import type { ShownUnit } from '../../domain/unit-phone.ts';
import { reasonFor, type RoutingWords } from '../../lib/route-reason.ts';
import type { ApplyStrings, FormKommune, PreviewFragments } from './types.ts';

export type Preview = Destination<ShownUnit> | { kind: 'rules' };

export function previewFor(kommune: FormKommune, age: number | null, pension: boolean | null): Preview {
  if (age === null && kommune.routing.rules.length > 0) return { kind: 'rules' };
  return destinationFor(kommune, { age, receivesEarlyRetirementPension: pension });
}

interface Props {
  s: ApplyStrings;
  /** Why, worded ahead for each way the kommune routes (lib/route-reason.ts). */
  words: RoutingWords;
  /** The parts that never change with the answers, rendered on the server (RoutingFragments.tsx). */
  fragments: PreviewFragments;
  preview: Preview;
}

/** HTML rendered on the server from our own components (an island's static slot, as Astro passes children). */
const Static = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;

/** A text with a unit's name in it (`{{unit}}`), the name marked as Danish (WCAG 3.1.2). */
const WithUnit = ({ text, unit }: { text: string; unit: string | undefined }) => {
  const [before, after] = text.split('{{unit}}');
  return (
    <>
      {before}
      {unit !== undefined && <span lang="da">{unit}</span>}
      {after}
    </>
  );
};

/** The site's reading of the standard, labelled so. */
export const Reading = ({ s, reading }: { s: ApplyStrings; reading: string }) => (
  <p class="routing-preview__source">
    {s.routing.ourReading} <span lang="da">{reading}</span>
  </p>
);

export function RoutingPreview({ s, words, fragments, preview }: Props) {
  if (preview.kind === 'under18') return <Static html={fragments.under18} />;
  const reason = preview.kind === 'application' && reasonFor(words.reasons, preview.route.why);
  return (
    <section class="routing-preview" aria-labelledby="routing-heading">
      <h2 id="routing-heading" class="h3">
        {s.routing.heading}
      </h2>
      {preview.kind === 'application' ? (
        <>
          <p aria-live="polite">
            <strong>
              <WithUnit text={s.routing.goesTo} unit={preview.route.unit.name} />
            </strong>
            {reason && (
              <>
                ,{' '}
                <span lang={reason.lang}>
                  <WithUnit text={reason.text} unit={reason.unit} />
                </span>
                .
              </>
            )}
          </p>
          <Static html={fragments.contacts[preview.route.unit.id]!} />
          <p class="routing-preview__source">{s.routing.fromStandard}</p>
          {/* Where the standard does not settle the case in so many words (Brønderslev: under 30 on førtidspension). */}
          {preview.route.reading && <Reading s={s} reading={preview.route.reading} />}
        </>
      ) : (
        <Static html={fragments.rules} />
      )}
    </section>
  );
}
