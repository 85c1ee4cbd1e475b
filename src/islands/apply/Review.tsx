/**
 * "Tjek dine svar": every answer with a "Ret" link back to its question
 * (GOV.UK check answers, DKFDS structured list). Only questions that were
 * asked are listed; the step a "Ret" link goes back to is the field's own
 * (`stepOfField`).
 */
import type { FieldName, FormValues } from '../../domain/application-form.ts';
import { VUM_THEMES } from '../../domain/ids.ts';
import { applicationFieldId } from '../../components/apply/fields.tsx';
import { many, one } from '../../components/apply/Sections.tsx';
import type { ApplyStrings } from '../../components/apply/types.ts';

interface Row {
  label: string;
  value: string;
  field: FieldName;
}

export function reviewRows(s: ApplyStrings, values: FormValues, askPension: boolean): Row[] {
  const v = (f: FieldName) => one(values, f).trim();
  const yesNo: Record<string, string> = { ja: s.yes, nej: s.no, 'ved-ikke': s.dontKnow };
  const who: Record<string, string> = { self: s.who.self, 'on-behalf': s.who.onBehalf };
  const onBehalf = v('who') === 'on-behalf';
  const date = [v('birthDay'), v('birthMonth'), v('birthYear')].every(Boolean) ? `${v('birthDay')}.${v('birthMonth')}.${v('birthYear')}` : '';
  const address = v('street') || v('postalCode') || v('city') ? `${v('street')}, ${v('postalCode')} ${v('city')}` : '';
  const needs = many(values, 'needs').filter((n) => (VUM_THEMES as readonly string[]).includes(n));
  const rows: (Row | false)[] = [
    { label: s.review.who, value: who[v('who')] ?? '', field: 'who' },
    onBehalf && { label: s.onBehalf.name, value: v('onBehalfName'), field: 'onBehalfName' },
    onBehalf && { label: s.onBehalf.relation, value: v('onBehalfRelation'), field: 'onBehalfRelation' },
    onBehalf && { label: s.onBehalf.phone, value: v('onBehalfPhone'), field: 'onBehalfPhone' },
    onBehalf && { label: s.onBehalf.email, value: v('onBehalfEmail'), field: 'onBehalfEmail' },
    onBehalf && { label: s.onBehalf.consentLegend, value: v('onBehalfConsent') === 'ja' ? s.review.consentGiven : '', field: 'onBehalfConsent' },
    { label: s.person.name, value: v('name'), field: 'name' },
    { label: s.review.birthDate, value: date, field: 'birthDay' },
    { label: s.person.cpr, value: v('cpr'), field: 'cpr' },
    { label: s.review.address, value: address, field: 'street' },
    { label: s.person.phone, value: v('phone'), field: 'phone' },
    { label: s.person.email, value: v('email'), field: 'email' },
    askPension && { label: s.person.pensionLegend, value: yesNo[v('pension')] ?? '', field: 'pension' },
    { label: s.needs.legend, value: needs.map((n) => s.needs.themes[n as (typeof VUM_THEMES)[number]]).join('; ') || s.review.needsNone, field: 'needs' },
    { label: s.needs.description, value: v('description'), field: 'description' },
    { label: s.needs.helpReceived, value: v('helpReceived'), field: 'helpReceived' },
    { label: s.contact.preferredLegend, value: s.contact[v('contactPreferred') as 'phone' | 'email' | 'letter'] ?? '', field: 'contactPreferred' },
    { label: s.contact.bestTimes, value: v('contactTimes'), field: 'contactTimes' },
    { label: s.contact.bisidderLegend, value: yesNo[v('bisidder')] ?? '', field: 'bisidder' },
    { label: s.contact.consentLegend, value: yesNo[v('consentInformation')] ?? '', field: 'consentInformation' },
  ];
  return rows.filter((r): r is Row => r !== false);
}

interface Props {
  s: ApplyStrings;
  rows: Row[];
  /** "Ret": back to the question (the island goes to its step). */
  onChange: (field: FieldName) => void;
}

export function Review({ s, rows, onChange }: Props) {
  return (
    <table class="table structured-list table--responsive-headers review">
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            <td class="review__value">{row.value || <span class="not-stated">{s.review.notAnswered}</span>}</td>
            <td class="review__change">
              <a
                href={`#${applicationFieldId(row.field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onChange(row.field);
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
