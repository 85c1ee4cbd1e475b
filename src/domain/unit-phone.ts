/**
 * The number a citizen can call for a unit. The standard's own number where
 * it gives one; where it gives none and another public source does
 * (`outsideSources[].unitPhone`, Aabenraa), that number, carrying where it is
 * from so every page labels it ("fra kommunens hjemmeside, dato ukendt").
 * A citizen is never told to call without the number we know.
 */
import type { Kommune, Unit } from './kommune.ts';

export interface OutsidePhone {
  phone: string;
  /** Where it is from and when, as the label says it: "kommunens hjemmeside, dato ukendt". */
  source: string;
}

/** A unit as pages show it: the standard's data, and a number from another source where the standard has none. */
export type ShownUnit = Unit & { outsidePhone?: OutsidePhone };

export function shownUnits(k: Pick<Kommune, 'units' | 'outsideSources'>): ShownUnit[] {
  return k.units.map((unit) => {
    if (unit.phone) return unit;
    const source = k.outsideSources.find((s) => s.unitPhone?.unit === unit.id);
    if (!source?.unitPhone) return unit;
    return {
      ...unit,
      outsidePhone: { phone: source.unitPhone.phone, source: `${source.sourceName ?? source.sourceTitle}, ${source.sourceDate}` },
    };
  });
}
