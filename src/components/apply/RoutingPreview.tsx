/**
 * "Din ansøgning går til UngeCentret, fordi du er under 30 år og ikke får
 * førtidspension" with that unit's phone and phone hours, shown before the
 * application is sent and updated as the answers change. Until the age is
 * known, a kommune with several units shows its rules; under 18, where
 * children and young people get help instead. Unit names and reasons are
 * the standard's Danish words (lang="da" on English pages).
 */
import { destinationFor, type Destination } from '../../domain/routing.ts';
import type { ShownUnit } from '../../domain/unit-phone.ts';
import { fillTemplate } from '../../lib/template.ts';
import { UnitPhone } from '../UnitPhone.tsx';
import type { ApplyStrings, FormKommune } from './types.ts';

export type Preview = Destination<ShownUnit> | { kind: 'rules' };

export function previewFor(kommune: FormKommune, age: number | null, pension: boolean | null): Preview {
  if (age === null && kommune.routing.rules.length > 0) return { kind: 'rules' };
  return destinationFor(kommune, { age, receivesEarlyRetirementPension: pension });
}

interface Props {
  s: ApplyStrings;
  kommune: FormKommune;
  preview: Preview;
  contactPath: string;
}

function UnitContact({ s, unit }: { s: ApplyStrings; unit: ShownUnit }) {
  return (
    <dl class="routing-preview__contact">
      <dt>{s.routing.phone}</dt>
      <dd>
        <UnitPhone unit={unit} notStated={s.routing.notStated} from={s.routing.phoneFrom} />
      </dd>
      <dt>{s.routing.hours}</dt>
      <dd>{unit.phoneHoursText ? <span lang="da" class="phone-hours-text">{unit.phoneHoursText}</span> : <span class="not-stated">{s.routing.notStated}</span>}</dd>
    </dl>
  );
}

export function Under18Help({ s, preview, contactPath }: { s: ApplyStrings; preview: Extract<Preview, { kind: 'under18' }>; contactPath: string }) {
  const { contacts } = preview;
  return (
    <div class="alert alert-warning under18" id="under-18">
      <div class="alert-body">
        <h2 class="alert-heading">{s.under18.heading}</h2>
        <p class="alert-text">{s.under18.text}</p>
        {preview.help ? (
          <>
            {preview.help.quote && (
              <p>
                {s.under18.standardSays} <span lang="da">„{preview.help.quote}“</span>
              </p>
            )}
            <p>{s.routing.ourReading}</p>
            <p lang="da">{preview.help.text}</p>
          </>
        ) : contacts.length ? (
          <>
            <p>{s.under18.askKommune}</p>
            <ul>
              {contacts.map((u) => (
                <li>
                  <span lang="da">{u.name}</span>:{' '}
                  {u.phone || u.outsidePhone ? <UnitPhone unit={u} from={s.routing.phoneFrom} /> : <a href={`mailto:${u.email}`}>{u.email}</a>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{s.under18.noContact}</p>
        )}
        <p>
          <a href={contactPath}>{s.under18.contactPage}</a>
        </p>
      </div>
    </div>
  );
}

export function RoutingPreview({ s, kommune, preview, contactPath }: Props) {
  if (preview.kind === 'under18') return <Under18Help s={s} preview={preview} contactPath={contactPath} />;
  const unitById = (id: string) => kommune.units.find((u) => u.id === id)!;
  const [before, after] = s.routing.goesTo.split('{{unit}}');
  const readings = (preview.kind === 'application' ? [preview.route.reading] : [...kommune.routing.rules.map((r) => r.reading), kommune.routing.defaultReading]).filter(Boolean);
  return (
    <section class="routing-preview" aria-labelledby="routing-heading">
      <h2 id="routing-heading" class="h3">
        {s.routing.heading}
      </h2>
      {preview.kind === 'application' ? (
        <>
          <p aria-live="polite">
            <strong>
              {/* The unit's name is Danish inside the sentence (WCAG 3.1.2). */}
              {before}
              <span lang="da">{preview.route.unit.name}</span>
              {after}
            </strong>
            ,{' '}
            <span lang="da">{preview.route.reason}</span>.
          </p>
          <UnitContact s={s} unit={preview.route.unit} />
        </>
      ) : (
        <>
          <p>{s.routing.dependsOnAge}</p>
          <p>{fillTemplate(s.routing.rulesIntro, { name: kommune.name })}</p>
          <ul>
            {[...kommune.routing.rules.map((r) => [r.unit, r.reason]), [kommune.routing.defaultUnit, kommune.routing.defaultReason]].map(
              ([id, reason]) => {
                const unit = unitById(id!);
                return (
                  <li>
                    <strong lang="da">{unit.name}</strong>: <span lang="da">{reason}</span>. {s.routing.phone}:{' '}
                    <UnitPhone unit={unit} notStated={s.routing.notStated} from={s.routing.phoneFrom} />
                  </li>
                );
              },
            )}
          </ul>
        </>
      )}
      <p class="routing-preview__source">{s.routing.fromStandard}</p>
      {/* Where the standard does not settle the case in so many words (Brønderslev: under 30 on førtidspension). */}
      {readings.map((reading) => (
        <p class="routing-preview__source">
          {s.routing.ourReading} <span lang="da">{reading}</span>
        </p>
      ))}
    </section>
  );
}
