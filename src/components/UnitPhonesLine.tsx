/**
 * `<Telefon />` in a standard's body (mapped in KommunePage.astro): the
 * kommune's units, each with its phone number as a tap-to-call link — the
 * standard's, else one from another public source labelled with that source
 * (UnitPhone) — so a sentence like "Spørg kommunen" never stands without the
 * number we know. `enhed` keeps it to one unit. Rendered on the server only.
 */
import type { ShownUnit } from '../domain/unit-phone.ts';
import { UnitPhone } from './UnitPhone.tsx';

interface Props {
  /** The page's language: the list sits in the standard's Danish text, its labels do not. */
  lang: string;
  units: ShownUnit[];
  /** "Telefon" / "Phone". */
  label: string;
  from: string;
  notStated: string;
}

export function UnitPhonesLine({ lang, units, label, from, notStated }: Props) {
  return (
    <ul class="unit-phones nobullet-list" lang={lang}>
      {units.map((unit) => (
        <li>
          {`${label}, `}
          <span lang="da">{unit.name}</span>
          {': '}
          <UnitPhone unit={unit} from={from} notStated={<span class="not-stated">{notStated}</span>} />
        </li>
      ))}
    </ul>
  );
}
