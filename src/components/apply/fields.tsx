/**
 * Form fields in DKFDS markup (node_modules/dkfds/src/components/form,
 * radiobuttons, checkboxes): a visible label or legend for every field, hints
 * and errors tied to the input with aria-describedby, "Fejl:" read out before
 * an error, no placeholders. Rendered on the server for the no-JavaScript form
 * and in the island (src/islands/apply/); `onChange` is only there in the island.
 *
 * Ids are `f-<field>`; the error summary links to them.
 */
import type { ComponentChildren } from 'preact';

/** The id of an application form field's input (`f-<name>`); the error summary links to it. */
export const applicationFieldId = (name: string) => `f-${name}`;

interface Common {
  name: string;
  /** The error message, when the field has one. */
  error?: string | undefined;
  hint?: string | undefined;
  /** "Fejl:" / "Error:", read before the message by screen readers. */
  errorPrefix: string;
}

/** `aria-describedby` for a field: its hint and its error, when there are any. */
const describedBy = (id: string, hint?: string, error?: string, extra?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`, extra].filter(Boolean).join(' ') || undefined;

function HintAndError({ id, hint, error, errorPrefix }: { id: string; hint?: string | undefined; error?: string | undefined; errorPrefix: string }) {
  return (
    <>
      {hint && (
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">{errorPrefix} </span>
          {error}
        </span>
      )}
    </>
  );
}

const Label = ({ id, text, optional }: { id: string; text: string; optional?: string | undefined }) => (
  <label class="form-label" for={id}>
    {text}
    {optional && <span class="weight-normal"> {optional}</span>}
  </label>
);

interface TextFieldProps extends Common {
  label: string;
  value: string;
  optional?: string | undefined;
  autocomplete?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  type?: 'text' | 'tel' | 'email';
  /** DKFDS width class, e.g. `input-width-s`. */
  width?: string;
  onChange?: (value: string) => void;
}

export function TextField(p: TextFieldProps) {
  const id = applicationFieldId(p.name);
  return (
    <div class={`form-group${p.error ? ' form-error' : ''}`}>
      <Label id={id} text={p.label} optional={p.optional} />
      <HintAndError id={id} hint={p.hint} error={p.error} errorPrefix={p.errorPrefix} />
      <input
        type={(p.type ?? 'text') as 'text'}
        id={id}
        name={p.name}
        class={`form-input${p.width ? ` ${p.width}` : ''}`}
        value={p.value}
        inputMode={p.inputMode}
        autocomplete={p.autocomplete ?? 'off'}
        spellcheck={false}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
        onInput={p.onChange && ((e) => p.onChange!((e.currentTarget as HTMLInputElement).value))}
      />
    </div>
  );
}

interface TextAreaProps extends Common {
  label: string;
  value: string;
  optional?: string | undefined;
  maxLength: number;
  /** "Du har {{n}} tegn tilbage" etc.; the live count only in the island. */
  counter: { left: string; over: string; limit: string };
  live: boolean;
  onChange?: (value: string) => void;
}

const count = (template: string, n: number) => template.replace('{{n}}', String(n));

/** A textarea with DKFDS's character limit: the limit is announced; the count left is shown (with JavaScript). */
export function TextArea(p: TextAreaProps) {
  const id = applicationFieldId(p.name);
  const left = p.maxLength - p.value.length;
  return (
    <div class={`form-group form-limit${p.error ? ' form-error' : ''}`}>
      <Label id={id} text={p.label} optional={p.optional} />
      <HintAndError id={id} hint={p.hint} error={p.error} errorPrefix={p.errorPrefix} />
      <textarea
        id={id}
        name={p.name}
        class="form-input"
        rows={5}
        value={p.value}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error, `${id}-limit`)}
        onInput={p.onChange && ((e) => p.onChange!((e.currentTarget as HTMLTextAreaElement).value))}
      />
      <span id={`${id}-limit`} class="sr-only">
        {count(p.counter.limit, p.maxLength)}
      </span>
      {p.live ? (
        <span class={`form-hint character-limit${left < 0 ? ' limit-exceeded' : ''}`} aria-live="polite">
          {left >= 0 ? count(p.counter.left, left) : count(p.counter.over, -left)}
        </span>
      ) : (
        <span class="form-hint character-limit" aria-hidden="true">
          {count(p.counter.limit, p.maxLength)}
        </span>
      )}
    </div>
  );
}

interface Option {
  value: string;
  label: string;
  /** The label's language where it is not the page's (a kommune's Danish words on an English page). */
  lang?: string | undefined;
  hint?: string;
  /** Questions that belong to this answer, shown under it when given (DKFDS hidden content, GOV.UK conditional reveal). */
  reveal?: ComponentChildren;
}

interface ChoicesProps extends Common {
  /** Radio buttons (one answer) or checkboxes (any number). */
  type: 'radio' | 'checkbox';
  legend: string;
  options: Option[];
  value: string[];
  optional?: string | undefined;
  onChange?: (value: string[]) => void;
}

/** Radio buttons or checkboxes in a fieldset; the first option has the field's id (the error summary links to it). */
export function Choices(p: ChoicesProps) {
  const id = applicationFieldId(p.name);
  const radio = p.type === 'radio';
  const change = (v: string, on: boolean) => p.onChange!(radio ? [v] : on ? [...p.value, v] : p.value.filter((x) => x !== v));
  return (
    <div class={`form-group${p.error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, p.hint, p.error)}>
        <legend class="form-label">
          {p.legend}
          {p.optional && <span class="weight-normal"> {p.optional}</span>}
        </legend>
        <HintAndError id={id} hint={p.hint} error={p.error} errorPrefix={p.errorPrefix} />
        {p.options.map((o, i) => {
          const optionId = i ? `${id}-${i}` : id;
          const choice = (
            <div class={`form-group-${p.type}`}>
              <input
                type={p.type}
                id={optionId}
                name={p.name}
                class={`form-${p.type}`}
                value={o.value}
                checked={p.value.includes(o.value)}
                aria-describedby={o.hint && `${optionId}-hint`}
                onChange={p.onChange && ((e) => change(o.value, (e.currentTarget as HTMLInputElement).checked))}
              />
              <label class="form-label" for={optionId} lang={o.lang}>
                {o.label}
              </label>
              {o.hint && (
                <span class="form-hint" id={`${optionId}-hint`}>
                  {o.hint}
                </span>
              )}
            </div>
          );
          // An option that can reveal questions always has its wrapper, so choosing it does not
          // re-create the radio button under the keyboard's focus.
          return 'reveal' in o ? (
            <div class={`hidden-content-wrapper${o.reveal ? ' show-content' : ''}`}>
              {choice}
              {o.reveal && <div class={`${p.type}-content`}>{o.reveal}</div>}
            </div>
          ) : (
            choice
          );
        })}
      </fieldset>
    </div>
  );
}

interface DateFieldProps extends Omit<Common, 'name'> {
  legend: string;
  labels: { day: string; month: string; year: string };
  values: { day: string; month: string; year: string };
  /** `bday-day` etc. when the person fills in their own date of birth. */
  autocomplete: boolean;
  onChange?: (part: 'birthDay' | 'birthMonth' | 'birthYear', value: string) => void;
}

/** Date of birth as three fields (GOV.UK and DKFDS date input; no date picker). The day field has the group's id. */
export function DateField(p: DateFieldProps) {
  const id = applicationFieldId('birthDay');
  // [field, label, DKFDS width, longest answer, keyboard]: the day may end in "." ("3."), the month may be a word ("april", "september").
  const parts = [
    ['birthDay', 'day', 'form-group-day', 3, 'numeric'],
    ['birthMonth', 'month', 'form-group-month', 9, 'text'],
    ['birthYear', 'year', 'form-group-year', 4, 'numeric'],
  ] as const;
  return (
    <div class={`form-group${p.error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy('f-birthDate', p.hint, p.error)}>
        <legend class="form-label">{p.legend}</legend>
        <HintAndError id="f-birthDate" hint={p.hint} error={p.error} errorPrefix={p.errorPrefix} />
        <div class="date-group">
          {parts.map(([name, key, group, size, mode]) => {
            const partId = name === 'birthDay' ? id : applicationFieldId(name);
            return (
              <div class={`form-group ${group}`}>
                <label class="form-label" for={partId}>
                  {p.labels[key]}
                </label>
                <input
                  type="text"
                  inputMode={mode}
                  id={partId}
                  name={name}
                  class="form-input"
                  value={p.values[key]}
                  maxLength={size}
                  autocomplete={p.autocomplete ? `bday-${key}` : 'off'}
                  aria-invalid={p.error ? 'true' : undefined}
                  onInput={p.onChange && ((e) => p.onChange!(name, (e.currentTarget as HTMLInputElement).value))}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
