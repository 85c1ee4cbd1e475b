/**
 * "Tjek dine svar": every answer with a "Ret" link back to its question
 * (GOV.UK check answers, DKFDS structured list). Only questions that were
 * asked are listed. In the island a "Ret" link goes back to the field's own
 * step (`stepOfField`); on the page without JavaScript it is a link to the
 * field on the form page (`form`).
 */
import { birthDateFrom, type FieldName, type FormValues } from '../../domain/application-steps.ts';
import { applicationFieldId } from './fields.tsx';
import { many, one } from './Sections.tsx';
import type { ApplyStrings } from './types.ts';

interface Row {
  label: string;
  value: string;
  field: FieldName;
  /** The value's language where it is not the page's (a kommune's own help list on an English page). */
  lang?: string | undefined;
}

export function reviewRows(s: ApplyStrings, values: FormValues, askPension: boolean): Row[] {
  const v = (f: FieldName) => one(values, f).trim();
  const yesNo: Record<string, string> = { ja: s.yes, nej: s.no, 'ved-ikke': s.dontKnow };
  const who: Record<string, string> = { self: s.who.self, 'on-behalf': s.who.onBehalf };
  const onBehalf = v('who') === 'on-behalf';
  // As read, day.month.year ("3." "april" "1999" is 3.4.1999), else as typed.
  const date = birthDateFrom(values).date?.split('-').reverse().map(Number).join('.') ?? [v('birthDay'), v('birthMonth'), v('birthYear')].join(' ').trim();
  const address = v('street') || v('postalCode') || v('city') ? `${v('street')}, ${v('postalCode')} ${v('city')}` : '';
  const needs = many(values, 'needs');
  // [the field a "Ret" link goes to, its label, the answer as shown (else the field's own value), its language]
  const rows: (readonly [FieldName, string, string?, string?] | false)[] = [
    ['who', s.review.who, who[v('who')] ?? ''],
    onBehalf && ['onBehalfName', s.onBehalf.name],
    onBehalf && ['onBehalfRelation', s.onBehalf.relation],
    onBehalf && ['onBehalfPhone', s.onBehalf.phone],
    onBehalf && ['onBehalfEmail', s.onBehalf.email],
    onBehalf && ['onBehalfConsent', s.onBehalf.consentLegend, v('onBehalfConsent') === 'ja' ? s.review.consentGiven : ''],
    ['name', s.person.name],
    ['birthDay', s.review.birthDate, date],
    ['cpr', s.person.cpr],
    ['street', s.review.address, address],
    ['phone', s.person.phone],
    ['email', s.person.email],
    askPension && ['pension', s.person.pensionLegend, yesNo[v('pension')] ?? ''],
    ['needs', s.needs.legend, needs.map((n) => s.needs.themes[n]).join('; ') || s.review.needsNone, needs.length ? s.needs.lang : undefined],
    ['description', s.needs.description],
    ['helpReceived', s.needs.helpReceived],
    ['contactPreferred', s.contact.preferredLegend, s.contact[v('contactPreferred') as 'phone' | 'email' | 'letter'] ?? ''],
    ['contactTimes', s.contact.bestTimes],
    ['bisidder', s.contact.bisidderLegend, yesNo[v('bisidder')] ?? ''],
    ['consentInformation', s.contact.consentLegend, yesNo[v('consentInformation')] ?? ''],
  ];
  return rows.filter((r) => r !== false).map(([field, label, value = v(field), lang]) => ({ field, label, value, lang }));
}

interface Props {
  s: ApplyStrings;
  rows: Row[];
  /** "Ret": back to the question (the island goes to its step); absent on the server. */
  onChange?: (field: FieldName) => void;
  /** Without JavaScript: the form page the "Ret" links go to. */
  form?: string;
}

export function Review({ s, rows, onChange, form = '' }: Props) {
  return (
    <table class="table structured-list table--responsive-headers review">
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            <td class="review__value" lang={row.lang}>{row.value || <span class="not-stated">{s.review.notAnswered}</span>}</td>
            <td class="review__change">
              <a
                href={`${form}#${applicationFieldId(row.field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onChange!(row.field);
                }}
              >
                {s.review.change}
                <span class="sr-only"> {row.label.toLowerCase()}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
