/**
 * "Tjek dine svar": every answer with a "Ret" link back to its question
 * (GOV.UK check answers, DKFDS structured list). Only questions that were
 * asked are listed.
 */
import type { FieldName, FormValues, StepId } from '../../domain/application-form.ts';
import { VUM_THEMES } from '../../domain/ids.ts';
import { fieldId } from './fields.tsx';
import { many, one } from './Sections.tsx';
import type { ApplyStrings } from './types.ts';

interface Row {
  label: string;
  value: string;
  step: StepId;
  field: FieldName;
}

export function reviewRows(s: ApplyStrings, values: FormValues, askPension: boolean): Row[] {
  const v = (f: FieldName) => one(values, f).trim();
  const yesNo: Record<string, string> = { ja: s.yes, nej: s.no, 'ved-ikke': s.dontKnow };
  const behalf = v('who') === 'behalf';
  const date = [v('birthDay'), v('birthMonth'), v('birthYear')].every(Boolean) ? `${v('birthDay')}.${v('birthMonth')}.${v('birthYear')}` : '';
  const address = v('street') || v('postalCode') || v('city') ? `${v('street')}, ${v('postalCode')} ${v('city')}` : '';
  const needs = many(values, 'needs').filter((n) => (VUM_THEMES as readonly string[]).includes(n));
  const rows: (Row | false)[] = [
    { label: s.review.who, value: v('who') ? s.who[v('who') as 'self' | 'behalf'] : '', step: 'hvem', field: 'who' },
    behalf && { label: s.helper.name, value: v('helperName'), step: 'hvem', field: 'helperName' },
    behalf && { label: s.helper.relation, value: v('helperRelation'), step: 'hvem', field: 'helperRelation' },
    behalf && { label: s.helper.phone, value: v('helperPhone'), step: 'hvem', field: 'helperPhone' },
    behalf && { label: s.helper.email, value: v('helperEmail'), step: 'hvem', field: 'helperEmail' },
    behalf && { label: s.helper.consentLegend, value: v('helperConsent') === 'ja' ? s.review.consentGiven : '', step: 'hvem', field: 'helperConsent' },
    { label: s.person.name, value: v('name'), step: 'person', field: 'name' },
    { label: s.review.birthDate, value: date, step: 'person', field: 'birthDay' },
    { label: s.person.cpr, value: v('cpr'), step: 'person', field: 'cpr' },
    { label: s.review.address, value: address, step: 'person', field: 'street' },
    { label: s.person.phone, value: v('phone'), step: 'person', field: 'phone' },
    { label: s.person.email, value: v('email'), step: 'person', field: 'email' },
    askPension && { label: s.person.pensionLegend, value: yesNo[v('pension')] ?? '', step: 'person', field: 'pension' },
    { label: s.needs.legend, value: needs.map((n) => s.needs.themes[n as (typeof VUM_THEMES)[number]]).join('; ') || s.review.needsNone, step: 'behov', field: 'needs' },
    { label: s.needs.description, value: v('description'), step: 'behov', field: 'description' },
    { label: s.needs.helpReceived, value: v('helpReceived'), step: 'behov', field: 'helpReceived' },
    { label: s.contact.preferredLegend, value: s.contact[v('contactPreferred') as 'phone' | 'email' | 'letter'] ?? '', step: 'kontakt', field: 'contactPreferred' },
    { label: s.contact.bestTimes, value: v('contactTimes'), step: 'kontakt', field: 'contactTimes' },
    { label: s.contact.bisidderLegend, value: yesNo[v('bisidder')] ?? '', step: 'kontakt', field: 'bisidder' },
    { label: s.contact.consentLegend, value: yesNo[v('consentInformation')] ?? '', step: 'kontakt', field: 'consentInformation' },
  ];
  return rows.filter((r): r is Row => r !== false);
}

interface Props {
  s: ApplyStrings;
  rows: Row[];
  onChange: (step: StepId, field: FieldName) => void;
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
                href={`#${fieldId(row.field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onChange(row.step, row.field);
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
