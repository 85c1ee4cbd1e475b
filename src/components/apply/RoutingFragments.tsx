/**
 * The parts of the routing preview (RoutingPreview.tsx) that never change with the answers,
 * rendered here on the server to HTML: each unit's phone and phone hours, the rules as a list
 * (before the age is known) and where children and young people get help (under 18). The
 * no-JavaScript form and the island put the same HTML in place, so the island carries none of
 * this code (the application page's JavaScript budget, docs/islands.md). Server only.
 */
import { ownHelpAreas } from '../../domain/help-areas.ts';
import { renderToString } from 'preact-render-to-string';
import type { Kommune } from '../../domain/kommune.ts';
import { destinationFor } from '../../domain/routing.ts';
import { shownUnits, type ShownUnit } from '../../domain/unit-phone.ts';
import type { RoutingWords } from '../../lib/route-reason.ts';
import { UnitPhone } from '../UnitPhone.tsx';
import { Reading, type Preview } from './RoutingPreview.tsx';
import { fillTemplate } from '../../lib/template.ts';
import type { ApplyStrings, FormKommune, PreviewFragments } from './types.ts';

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

function Under18Help({ s, preview, contactPath }: { s: ApplyStrings; preview: Extract<Preview, { kind: 'under18' }>; contactPath: string }) {
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


/**
 * Before the age is known, in a kommune with several units: what it depends on, the rules as a
 * list, and the site's readings of them. `onePage`: the form without JavaScript, whose box does
 * not change as answers are typed, so it promises no update.
 */
function Rules({ s, words, kommune, onePage }: { s: ApplyStrings; words: RoutingWords; kommune: FormKommune; onePage: boolean }) {
  const readings = [...kommune.routing.rules.map((r) => r.reading), kommune.routing.defaultReading].filter((r) => r !== null);
  return (
    <>
      <p>{onePage ? s.routing.dependsOnAgeOnePage : s.routing.dependsOnAge}</p>
      <p>{fillTemplate(s.routing.rulesIntro, { name: kommune.name })}</p>
      <RulesList s={s} words={words} kommune={kommune} />
      <p class="routing-preview__source">{s.routing.fromStandard}</p>
      {readings.map((reading) => (
        <Reading s={s} reading={reading} />
      ))}
    </>
  );
}

function RulesList({ s, words, kommune }: { s: ApplyStrings; words: RoutingWords; kommune: FormKommune }) {
  return (
    <ul>
      {words.list.map(([id, who]) => {
        const unit = kommune.units.find((u) => u.id === id)!;
        return (
          <li>
            <strong lang="da">{unit.name}</strong>: {who}. {s.routing.phone}:{' '}
            <UnitPhone unit={unit} notStated={s.routing.notStated} from={s.routing.phoneFrom} />
          </li>
        );
      })}
    </ul>
  );
}

/** The preview's fixed parts for one variant of the form's words. */
/** What the form and "Tjek dine svar" know of a kommune: its units as shown (with outside numbers), its routing, under-18 help. */
export const formKommune = (slug: string, k: Kommune): FormKommune => ({
  slug,
  name: k.name,
  units: shownUnits(k),
  routing: k.routing,
  under18: k.under18,
  helpAreas: ownHelpAreas(k),
});

/** The rules before the age is known, as HTML; `onePage` for the form without JavaScript (`Rules`). */
export const rulesFragment = (kommune: FormKommune, s: ApplyStrings, words: RoutingWords, onePage: boolean) =>
  renderToString(<Rules s={s} words={words} kommune={kommune} onePage={onePage} />);

export function previewFragments(kommune: FormKommune, s: ApplyStrings, words: RoutingWords, contactPath: string): PreviewFragments {
  const under18 = destinationFor(kommune, { age: 0, receivesEarlyRetirementPension: null }) as Extract<Preview, { kind: 'under18' }>;
  return {
    under18: renderToString(<Under18Help s={s} preview={under18} contactPath={contactPath} />),
    rules: rulesFragment(kommune, s, words, false),
    contacts: Object.fromEntries(kommune.units.map((u) => [u.id, renderToString(<UnitContact s={s} unit={u} />)])),
  };
}
