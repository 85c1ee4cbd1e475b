/**
 * Where a standard is silent on a fact that the law settles for every kommune,
 * the page says both: "Står ikke i kvalitetsstandarden" and, labelled "Det
 * siger loven:", the law's rule with its paragraph. The strings live in
 * `locales/<lang>/law.json`; the receipt shows the same rules.
 */
import type { FactKey } from '../domain/facts.ts';

export const LAW_WHEN_SILENT = {
  // Serviceloven § 85 is support for adults; children and young people get help under barnets lov.
  minimumAge: 'law.adultSupport',
  // Retssikkerhedsloven § 67: four weeks from the day the decision is received.
  complaintDeadline: 'law.complaintDeadlineShort',
  // Retssikkerhedsloven § 3, stk. 2: the kommune sets and publishes its own deadline.
  processingTime: 'law.processingDeadline',
} as const satisfies Partial<Record<FactKey, `law.${string}`>>;

type LawKey = (typeof LAW_WHEN_SILENT)[keyof typeof LAW_WHEN_SILENT];

/** Every fact's law, if it has one. */
const LAW_OF_FACT: Partial<Record<FactKey, LawKey>> = LAW_WHEN_SILENT;

/** The law's rule, in the page's words (`t`), for a fact the standard may be silent on; `undefined` if the law has none. */
export function lawWhenSilent(t: (key: LawKey) => string, key: FactKey): string | undefined {
  const law = LAW_OF_FACT[key];
  return law && t(law);
}
