/**
 * The application form with JavaScript: the same questions as the
 * no-JavaScript form, one step at a time, with a step indicator, the unit
 * that will get the application shown as the answers change, "Tjek dine
 * svar", and sending as JSON. FormKit holds the answers and messages
 * (formkit.ts); the shared schema checks them, step by step and again by the
 * server, whose errors land on the same fields.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { validateApplication, type Issue } from '../../domain/application.ts';
import {
  FORM_FIELDS,
  STEPS,
  ageFromForm,
  fieldForPath,
  formToApplication,
  mergeIssues,
  pensionAnswer,
  stepOfField,
  type FieldName,
  type FormValues,
  type StepId,
} from '../../domain/application-form.ts';
import { pensionMatters } from '../../domain/routing.ts';
import { describeIssue } from '../../lib/application-messages.ts';
import { fillTemplate } from '../../lib/template.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { fieldId } from './fields.tsx';
import { useApplicationForm } from './formkit.ts';
import { fieldMessages } from './messages.ts';
import { readQuestionnaire } from './prefill.ts';
import { Review, reviewRows } from './Review.tsx';
import { RoutingPreview, previewFor } from './RoutingPreview.tsx';
import { ContactSection, NeedsSection, PersonSection, REVEALED, WhoSection, one, type SectionProps } from './Sections.tsx';
import { sendApplication } from './send.ts';
import { StepIndicator } from './StepIndicator.tsx';
import type { ApplyProps } from './types.ts';

type Shown = { field: FieldName | null; text: string }[];

function checkAll(values: FormValues, kommune: string): Issue[] {
  const { body, issues } = formToApplication(values, kommune);
  const result = validateApplication(body, new Date());
  return mergeIssues(issues, result.ok ? [] : result.issues);
}

/**
 * Problems as the page shows them. With a way of contact chosen, the only problem it can have
 * is a missing phone, e-mail or address: that is told on the field revealed under the choice,
 * where it is filled in. The summary lists the problems in the order of the questions.
 */
function placed(items: Shown, values: FormValues): Shown {
  const revealed = REVEALED[one(values, 'contactPreferred') as keyof typeof REVEALED];
  return items
    .map((i) => (i.field === 'contactPreferred' && revealed ? { ...i, field: revealed } : i))
    .sort((a, b) => FORM_FIELDS.indexOf(a.field!) - FORM_FIELDS.indexOf(b.field!));
}

export function ApplyForm(props: ApplyProps) {
  const { strings: s, kommune, lang } = props;
  const [prefill] = useState(() => (Object.keys(props.values).length ? null : readQuestionnaire(kommune.slug)));
  const form = useApplicationForm(() => ({ ...(prefill?.values ?? {}), ...props.values }));
  const initial = fieldMessages(props.issues, s.errors);
  // After a round trip without JavaScript (the island came late), the server's problems are placed as the island's own.
  const [shown, setShown] = useState<Shown>(() =>
    placed(
      Object.entries(initial.byField).map(([field, text]) => ({ field: field as FieldName, text: text! })),
      form.values(),
    ),
  );
  const [step, setStep] = useState(() => {
    const first = props.issues.map((i) => fieldForPath(i.path)).find(Boolean) ?? null;
    return first ? STEPS.findIndex((st) => st.id === stepOfField(first)) : 0;
  });
  const [general, setGeneral] = useState<string | null>(() => generalMessage(props.general));
  const [sending, setSending] = useState(false);
  /** What takes focus once the next render is on screen: the step's heading, the error summary or a field's id. */
  const focusAfterRender = useRef<string | null>(props.issues.length || props.general ? 'summary' : null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  function generalMessage(g: ApplyProps['general']): string | null {
    if (!g) return null;
    return fillTemplate(s.errorSummary[g.code], { seconds: g.seconds ?? 60 });
  }

  // The page's own error summary (from a no-JavaScript round trip) gives way to the island's.
  useEffect(() => document.getElementById('error-summary-page')?.remove(), []);
  useEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    if (target === 'heading') headingRef.current?.focus();
    else if (target === 'summary') summaryRef.current?.focus();
    else if (target) document.getElementById(target)?.focus();
  });

  const values = form.values();
  const age = ageFromForm(values, new Date()) ?? prefill?.ageHint ?? props.ageHint;
  const askPension = pensionMatters(kommune, age);
  const preview = previewFor(kommune, age, pensionAnswer(values));
  const current = STEPS[step]!;

  const show = (items: Shown, generalText: string | null = null) => {
    items = placed(items, form.values());
    setShown(items);
    setGeneral(generalText);
    form.showIssues(Object.fromEntries(items.filter((i) => i.field).map((i) => [i.field, i.text])));
    focusAfterRender.current = 'summary';
  };
  const clear = () => {
    setShown([]);
    setGeneral(null);
    form.showIssues({});
  };
  const goTo = (index: number, focus: string = 'heading') => {
    clear();
    setStep(index);
    focusAfterRender.current = focus;
  };
  /** Shows problems on their fields and goes to the first step that has one. */
  const showOnSteps = (items: Shown) => {
    const firstStep = STEPS.findIndex((st) => items.some((i) => stepOfField(i.field) === st.id));
    setStep(firstStep < 0 ? STEPS.length - 1 : firstStep);
    show(items);
  };

  const next = () => {
    // This step's questions, and any asked again here (a phone number revealed under "Telefon").
    const issues = checkAll(form.values(), kommune.slug).filter((i) => {
      const field = fieldForPath(i.path);
      return stepOfField(field) === current.id || (field && document.getElementById(fieldId(field)));
    });
    if (issues.length) {
      const { byField } = fieldMessages(issues, s.errors);
      show(Object.entries(byField).map(([field, text]) => ({ field: field as FieldName, text: text! })));
    } else {
      goTo(step + 1);
    }
  };

  const send = async () => {
    if (sending) return;
    const issues = checkAll(form.values(), kommune.slug);
    if (issues.length) {
      showOnSteps(issues.map((i) => ({ field: fieldForPath(i.path), text: describeIssue(i, s.errors) })));
      return;
    }
    setSending(true);
    const result = await sendApplication(formToApplication(form.values(), kommune.slug).body, props.idempotencyKey, lang);
    if (result.kind === 'created') {
      window.location.assign(`${props.receiptPath}?reference=${encodeURIComponent(result.reference)}`);
      return;
    }
    setSending(false);
    if (result.kind === 'invalid') {
      showOnSteps(result.errors.map((e) => ({ field: fieldForPath(e.path), text: e.message })));
    } else if (result.kind === 'network') {
      show([], s.errorSummary.network);
    } else {
      const code = result.status === 429 ? 'tooMany' : result.status === 413 ? 'tooLarge' : 'store';
      show([], fillTemplate(s.errorSummary[code], { seconds: result.retryAfter ?? 60 }));
    }
  };

  const errors = Object.fromEntries(shown.filter((i) => i.field).map((i) => [i.field, form.message(i.field!) ?? i.text]));
  const summary = [
    ...(general ? [{ href: '', text: general }] : []),
    ...shown.map((i) => ({ href: i.field ? `#${fieldId(i.field)}` : '', text: i.text })),
  ];
  const onChange = (field: FieldName, value: string | string[]) => {
    form.set(field, value);
    // Another way of contact reveals other questions: the problems of those it hides go with them.
    if (field === 'contactPreferred') setShown((items) => items.filter((i) => !i.field || stepOfField(i.field) === current.id));
  };
  const section: SectionProps = { s, values, errors, live: true, onChange };
  const stepTitle = current.id === 'person' && one(values, 'who') === 'self' ? s.person.headingSelf : current.id === 'person' ? s.person.headingBehalf : s.steps[current.id];

  return (
    <div class="apply-form" id="ansoegning">
      <ErrorSummary heading={s.errorSummary.heading} items={summary} summaryRef={summaryRef} />
      <StepIndicator s={s} current={step} onGo={(i) => goTo(i)} />
      <form
        noValidate
        aria-labelledby="apply-step-heading"
        onSubmit={(e) => {
          e.preventDefault();
          if (current.id === 'tjek') void send();
          else next();
        }}
      >
        <p class="step-subheading">{fillTemplate(s.stepOf, { current: step + 1, total: STEPS.length })}</p>
        <h2 id="apply-step-heading" tabIndex={-1} ref={headingRef}>
          {stepTitle}
        </h2>
        {current.id === 'hvem' && <WhoSection {...section} />}
        {current.id === 'person' && <PersonSection {...section} askPension={askPension} selfKnown />}
        {current.id === 'behov' && <NeedsSection {...section} />}
        {current.id === 'kontakt' && <ContactSection {...section} />}
        {current.id === 'tjek' && (
          <>
            <p>{s.review.lead}</p>
            <Review
              s={s}
              rows={reviewRows(s, values, askPension)}
              onChange={(stepId: StepId, field: FieldName) =>
                goTo(
                  STEPS.findIndex((st) => st.id === stepId),
                  fieldId(field),
                )
              }
            />
          </>
        )}
        {step > 0 && <RoutingPreview s={s} kommune={kommune} preview={preview} contactPath={props.contactPath} />}
        {current.id === 'tjek' && <p>{s.review.sendLead}</p>}
        <div class="apply-form__actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {current.id === 'tjek' ? s.send : s.continue}
          </button>
          {step > 0 && (
            <button type="button" class="button button-secondary" onClick={() => goTo(step - 1)}>
              {s.back}
            </button>
          )}
        </div>
        <p class="apply-form__status" role="status">
          {sending ? s.sending : ''}
        </p>
      </form>
    </div>
  );
}
