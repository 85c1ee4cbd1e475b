/**
 * One question of "Kan jeg få støtte?" in DKFDS markup: a fieldset whose
 * legend is the question's heading (radios, checkboxes), or a heading that
 * holds the label (the age). The island shows one per screen; the
 * no-JavaScript form shows them all. The question's heading takes focus in
 * the island (`headingRef`), with "Trin 3 af 7" read out first.
 */
import type { JSX, Ref } from 'preact';
import { optionsFor, type QuestionId, type QuestionnaireKommune } from '../../domain/eligibility.ts';
import type { Locale } from '../../i18n/index.ts';
import { Danish, type QuestionnaireStrings } from './text.tsx';
import { Phrase } from '../Phrase.tsx';

export interface QuestionFieldProps {
  id: QuestionId;
  k: QuestionnaireKommune;
  s: QuestionnaireStrings;
  lang: Locale;
  /** The chosen option, the chosen help areas, or the age as typed. */
  value: string | string[] | undefined;
  /** The error message, already worded. */
  error?: string | undefined;
  level: 2 | 3;
  /** "Trin 3 af 7". */
  caption?: string;
  /** The caption only where the island runs (the no-JavaScript form shows every question at once: no "Trin 1 af 7"). */
  captionJsOnly?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  /**
   * The no-JavaScript form shows all questions: when one applies only to some
   * ages, the hint says so (worded by QuestionnaireForm, which only the server
   * renders, so the island carries no code for it).
   */
  condition?: string;
  onChange?: (value: string | string[]) => void;
}

/** Where an error summary links to: the question's first input. */
export function questionFieldId(k: QuestionnaireKommune, id: QuestionId): string {
  return id === 'age' ? 'q-age' : `q-${id}-${optionsFor(k, id)[0]}`;
}

export function QuestionField(props: QuestionFieldProps) {
  const { id, k, s, lang, value, error, level, caption, captionJsOnly, headingRef, condition, onChange } = props;
  const q = s.questions[id];
  const Heading = `h${level}` as 'h2' | 'h3';
  const hintId = `q-${id}-hint`;
  const errorId = `q-${id}-error`;
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const heading = (label: JSX.Element | string) => (
    <Heading class="question-heading" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
      {caption && <span class={captionJsOnly ? 'question-step js-only' : 'question-step'}>{caption}</span>}
      {label}
    </Heading>
  );
  const errorMessage = error && (
    <span class="form-error-message" id={errorId}>
      <span class="sr-only">{s.errorPrefix} </span>
      {error}
    </span>
  );
  const groupClass = `form-group question${error ? ' form-error' : ''}`;

  if (id === 'age') {
    return (
      <div class={groupClass}>
        {heading(<label class="form-label" for="q-age"><Phrase text={q.label} /></label>)}
        <span class="form-hint" id={hintId}><Phrase text={q.hint} /></span>
        {errorMessage}
        <input
          class="form-input input-width-xs"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          id="q-age"
          name="age"
          value={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          onInput={(e) => onChange?.(e.currentTarget.value)}
        />
      </div>
    );
  }

  const multiple = id === 'needs';
  const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const toggle = (option: string, checked: boolean) =>
    onChange?.(multiple ? (checked ? [...chosen, option] : chosen.filter((c) => c !== option)) : option);
  return (
    <div class={groupClass}>
      <fieldset aria-describedby={describedBy}>
        <legend class="form-label">{heading(<Phrase text={q.label} />)}</legend>
        <span class="form-hint" id={hintId}>
          <Phrase text={q.hint} />
          {condition && ` ${condition}`}
        </span>
        {errorMessage}
        {optionsFor(k, id).map((option) => (
          <div class={multiple ? 'form-group-checkbox' : 'form-group-radio'} key={option}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              class={multiple ? 'form-checkbox' : 'form-radio'}
              id={`q-${id}-${option}`}
              name={id}
              value={option}
              checked={chosen.includes(option)}
              onChange={(e) => toggle(option, e.currentTarget.checked)}
            />
            <label class="form-label" for={`q-${id}-${option}`}>{optionLabel(k, s, lang, id, option)}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/**
 * The words for one answer: for a help area, the form's words for a VUM theme (with its "fx …", in the page's
 * language), else the kommune's own label (Danish); else the UI's.
 */
export function optionLabel(k: QuestionnaireKommune, s: QuestionnaireStrings, lang: Locale, id: QuestionId, option: string) {
  if (id === 'needs') {
    const theme = s.themes[option];
    if (theme) return theme;
    const label = k.helpAreas.find((h) => h.slug === option)?.label ?? option;
    return <Danish lang={lang}>{label}</Danish>;
  }
  const q = s.questions[id];
  const options: Partial<Record<string, string>> = 'options' in q ? q.options : s.yesNo;
  return options[option] ?? option;
}
