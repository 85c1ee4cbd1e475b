/**
 * The questions of the application, one component per step. The island shows
 * one at a time; the no-JavaScript form shows them all on one page, in the
 * same order (STEPS in src/domain/application-form.ts).
 */
import type { ContactMethod } from '../../domain/application.ts';
import { LIMITS } from '../../domain/limits.ts';
import type { FieldName, FormValues } from '../../domain/application-form.ts';
import { Choices, DateField, TextArea, TextField } from './fields.tsx';
import type { FieldMessages } from './messages.ts';
import type { ApplyStrings } from './types.ts';

export interface SectionProps {
  s: ApplyStrings;
  values: FormValues;
  errors: FieldMessages;
  /** Only in the island; without it the fields are plain HTML form fields. */
  onChange?: ((field: FieldName, value: string | string[]) => void) | undefined;
  /** With JavaScript: conditional questions are shown only when they apply. */
  live: boolean;
}

export const one = (values: FormValues, field: FieldName): string => {
  const v = values[field];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
export const many = (values: FormValues, field: FieldName): string[] => {
  const v = values[field];
  return Array.isArray(v) ? v : v ? [v] : [];
};

/** Props every field shares: its name, value, message and change handler. */
function bind(p: SectionProps, name: FieldName) {
  return {
    name,
    value: one(p.values, name),
    error: p.errors[name],
    errorPrefix: p.s.errorTitlePrefix,
    onChange: p.onChange && ((v: string) => p.onChange!(name, v)),
  };
}

/** The same for radio buttons (one answer) and checkboxes (a list; `needs` is sent as a list, the others as one value). */
function bindChoices(p: SectionProps, name: FieldName, type: 'radio' | 'checkbox') {
  return {
    type,
    name,
    value: many(p.values, name),
    error: p.errors[name],
    errorPrefix: p.s.errorTitlePrefix,
    onChange: p.onChange && ((v: string[]) => p.onChange!(name, name === 'needs' ? v : (v[0] ?? ''))),
  };
}

const yesNo = (s: ApplyStrings, dontKnow = false) => [
  { value: 'ja', label: s.yes },
  { value: 'nej', label: s.no },
  ...(dontKnow ? [{ value: 'ved-ikke', label: s.dontKnow }] : []),
];

export function OnBehalfFields(p: SectionProps) {
  const { s } = p;
  return (
    <>
      <TextField {...bind(p, 'onBehalfName')} label={s.onBehalf.name} autocomplete="name" />
      <TextField {...bind(p, 'onBehalfRelation')} label={s.onBehalf.relation} hint={s.onBehalf.relationHint} />
      <TextField {...bind(p, 'onBehalfPhone')} label={s.onBehalf.phone} optional={s.optional} type="tel" autocomplete="tel" width="input-width-s" />
      <TextField {...bind(p, 'onBehalfEmail')} label={s.onBehalf.email} optional={s.optional} type="email" autocomplete="email" />
      <Choices {...bindChoices(p, 'onBehalfConsent', 'checkbox')} legend={s.onBehalf.consentLegend} hint={s.onBehalf.consentHint} options={[{ value: 'ja', label: s.onBehalf.consent }]} />
    </>
  );
}

export function WhoSection(p: SectionProps) {
  const { s } = p;
  const onBehalf = one(p.values, 'who') === 'on-behalf';
  return (
    <>
      <Choices
        {...bindChoices(p, 'who', 'radio')}
        legend={s.who.legend}
        options={[
          { value: 'self', label: s.who.self },
          { value: 'on-behalf', label: s.who.onBehalf, hint: s.who.onBehalfHint },
        ]}
      />
      {/* Without JavaScript the page shows these questions always, in a fieldset of their own (StaticForm.tsx). */}
      {p.live && onBehalf && (
        <div class="conditional-fields">
          <h3>{s.onBehalf.heading}</h3>
          <OnBehalfFields {...p} />
        </div>
      )}
    </>
  );
}

/** The person's own details get autocomplete only when they fill in the form themselves. */
const autocomplete = (self: boolean) => (token: string) => (self ? token : 'off');

/** The person's address: on "Om personen", and under "Brev eller Digital Post" on the contact step. */
function AddressFields(p: SectionProps & { legend: string; hint: string; optional?: string; auto: (token: string) => string }) {
  const { s } = p;
  return (
    <fieldset class="form-group" aria-describedby="f-address-hint">
      <legend class="form-label">
        {p.legend}
        {p.optional && <span class="weight-normal"> {p.optional}</span>}
      </legend>
      <span class="form-hint" id="f-address-hint">
        {p.hint}
      </span>
      <TextField {...bind(p, 'street')} label={s.person.street} autocomplete={p.auto('street-address')} />
      <TextField {...bind(p, 'postalCode')} label={s.person.postalCode} inputMode="numeric" autocomplete={p.auto('postal-code')} width="input-width-xs" />
      <TextField {...bind(p, 'city')} label={s.person.city} autocomplete={p.auto('address-level2')} />
    </fieldset>
  );
}

export function PersonSection(p: SectionProps & { askPension: boolean }) {
  const { s } = p;
  const self = one(p.values, 'who') === 'self';
  const auto = autocomplete(self);
  return (
    <>
      <TextField {...bind(p, 'name')} label={s.person.name} autocomplete={auto('name')} />
      <DateField
        legend={s.person.birthDate}
        hint={s.person.birthDateHint}
        labels={{ day: s.person.day, month: s.person.month, year: s.person.year }}
        values={{ day: one(p.values, 'birthDay'), month: one(p.values, 'birthMonth'), year: one(p.values, 'birthYear') }}
        autocomplete={self}
        error={p.errors.birthDay}
        errorPrefix={s.errorTitlePrefix}
        onChange={p.onChange}
      />
      <TextField {...bind(p, 'cpr')} label={s.person.cpr} hint={s.person.cprHint} optional={s.optional} inputMode="numeric" width="input-width-s" />
      <AddressFields {...p} legend={s.person.address} hint={s.person.addressHint} optional={s.optional} auto={auto} />
      <TextField {...bind(p, 'phone')} label={s.person.phone} optional={s.optional} type="tel" autocomplete={auto('tel')} width="input-width-s" />
      <TextField {...bind(p, 'email')} label={s.person.email} optional={s.optional} type="email" autocomplete={auto('email')} />
      {p.askPension && <Choices {...bindChoices(p, 'pension', 'radio')} legend={s.person.pensionLegend} hint={s.person.pensionHint} options={yesNo(s, true)} />}
    </>
  );
}

/** What help is needed: the kommune's help list, the VUM themes or its own, in the words the page gives (help-list-words.ts). */
export function NeedsSection(p: SectionProps) {
  const { s } = p;
  const counter = { left: s.needs.charactersLeft, over: s.needs.charactersOver, limit: s.needs.characterLimit };
  return (
    <>
      <Choices
        {...bindChoices(p, 'needs', 'checkbox')}
        legend={s.needs.legend}
        hint={s.needs.hint}
        optional={s.optional}
        options={Object.entries(s.needs.themes).map(([value, label]) => ({ value, label, lang: s.needs.lang }))}
      />
      <TextArea {...bind(p, 'description')} label={s.needs.description} hint={s.needs.descriptionHint} maxLength={LIMITS.description} counter={counter} live={p.live} />
      <TextArea
        {...bind(p, 'helpReceived')}
        label={s.needs.helpReceived}
        hint={s.needs.helpReceivedHint}
        optional={s.optional}
        maxLength={LIMITS.helpReceived}
        counter={counter}
        live={p.live}
      />
    </>
  );
}

/**
 * The field each contact method's "missing" error is shown on, with JavaScript:
 * the first one revealed under the method (GOV.UK conditional reveal).
 */
export const REVEALED: Record<ContactMethod, FieldName> = { phone: 'phone', email: 'email', letter: 'cpr' };

/**
 * With JavaScript, what the kommune needs for the chosen way of contact, under
 * that choice: the same fields as on "Om personen", so what is typed here is
 * typed there. On someone's behalf, the phone or e-mail of the one applying
 * (`onBehalf`) also reaches the person (application.ts), so both are asked; an address or
 * a CPR number is only ever the person's. Without JavaScript every field is on
 * the one page already.
 */
function Reveal(p: SectionProps & { method: ContactMethod }) {
  const { s, method: m } = p;
  const onBehalf = one(p.values, 'who') === 'on-behalf';
  const l = s.contact.reveal;
  const auto = autocomplete(!onBehalf);
  if (m === 'letter') {
    return (
      <>
        <TextField {...bind(p, 'cpr')} label={l.cpr} inputMode="numeric" width="input-width-s" />
        <AddressFields {...p} legend={l.address} hint={s.contact.addressHint} auto={auto} />
      </>
    );
  }
  const type = m === 'phone' ? 'tel' : 'email';
  const width = m === 'phone' ? 'input-width-s' : undefined;
  return (
    <>
      <TextField {...bind(p, m)} label={l[m]} hint={l[`${m}Hint`]} type={type} autocomplete={auto(type)} width={width} />
      {onBehalf && <TextField {...bind(p, m === 'phone' ? 'onBehalfPhone' : 'onBehalfEmail')} label={s.onBehalf[m]} type={type} autocomplete={type} width={width} />}
    </>
  );
}

export function ContactSection(p: SectionProps) {
  const { s } = p;
  const chosen = one(p.values, 'contactPreferred');
  const reveal = (method: ContactMethod) => p.live && chosen === method && <Reveal {...p} method={method} />;
  return (
    <>
      <Choices
        {...bindChoices(p, 'contactPreferred', 'radio')}
        legend={s.contact.preferredLegend}
        hint={s.contact.preferredHint}
        options={[
          { value: 'phone', label: s.contact.phone, reveal: reveal('phone') },
          { value: 'email', label: s.contact.email, reveal: reveal('email') },
          { value: 'letter', label: s.contact.letter, hint: s.contact.letterHint, reveal: reveal('letter') },
        ]}
      />
      <TextField {...bind(p, 'contactTimes')} label={s.contact.bestTimes} hint={s.contact.bestTimesHint} optional={s.optional} />
      <Choices {...bindChoices(p, 'bisidder', 'radio')} legend={s.contact.bisidderLegend} hint={s.contact.bisidderHint} optional={s.optional} options={yesNo(s)} />
      <Choices {...bindChoices(p, 'consentInformation', 'radio')} legend={s.contact.consentLegend} hint={s.contact.consentHint} options={yesNo(s)} />
    </>
  );
}
