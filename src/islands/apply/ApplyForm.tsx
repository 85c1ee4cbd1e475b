/**
 * The application form with JavaScript: the same questions as the
 * no-JavaScript form, one step at a time, with a step indicator, the unit
 * that will get the application shown as the answers change, "Tjek dine
 * svar", and sending as JSON. FormKit holds the answers and messages
 * (formkit.ts); `checkForm` (src/domain/application-form.ts) checks them, step
 * by step, as the server does, and the server's errors land on the same fields.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  FORM_FIELDS,
  STEPS,
  ageFromForm,
  fieldForPath,
  pensionAnswer,
  stepOfField,
  type FieldName,
  type FormValues,
} from '../../domain/application-steps.ts';
import { pensionMatters } from '../../domain/routing.ts';
import { fillTemplate } from '../../lib/template.ts';
import { fillerOf } from '../../lib/apply-words.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { applicationFieldId } from '../../components/apply/fields.tsx';
import { fieldMessages } from '../../components/apply/messages.ts';
import { RoutingPreview, previewFor } from '../../components/apply/RoutingPreview.tsx';
import { ContactSection, NeedsSection, PersonSection, REVEALED, WhoSection, one, type SectionProps } from '../../components/apply/Sections.tsx';
import type { ApplyProps, ApplyStrings, FormKommune } from '../../components/apply/types.ts';
import type { Issue } from '../../domain/application.ts';
import { useApplicationForm, type ApplicationForm, type FieldMessageLists } from './formkit.ts';
import { forgetAnswers, isStep, readDraft, saveDraft } from './draft.ts';
import { readQuestionnaire } from './prefill.ts';

type Problems = { field: FieldName | null; text: string }[];

/**
 * Problems put in FormKit, where the page reads them. With a way of contact chosen, the only
 * problem it can have is a missing phone, e-mail or address: that is told on the field revealed
 * under the choice, where it is filled in. Problems without a field come after `general`.
 */
function showProblems(form: ApplicationForm, items: Problems, general: string | null) {
  const revealed = REVEALED[one(form.values(), 'contactPreferred') as keyof typeof REVEALED];
  const fields: FieldMessageLists = {};
  const other = general ? [general] : [];
  for (const item of items) {
    const field = item.field === 'contactPreferred' && revealed ? revealed : item.field;
    if (field) (fields[field] ??= []).push(item.text);
    else other.push(item.text);
  }
  form.showMessages(other, fields);
}

/** Set when a link to another page of the site is followed (see the `beforeunload` warning). */
let leavingInSite = false;

/** Issues as problems on their fields, one per field, in the given words. */
const problemsIn = (issues: Issue[], w: ApplyStrings): Problems =>
  Object.entries(fieldMessages(issues, w.errors).byField).map(([field, text]) => ({ field: field as FieldName, text: text! }));

/** The check, the sending and "Tjek dine svar" (checks.ts: the schema and zod/mini), loaded once: started as the island mounts. */
type Checks = typeof import('./checks.ts');
let checksLoading: Promise<Checks> | undefined;
const loadChecks = () =>
  (checksLoading ??= import('./checks.ts').catch((error: unknown) => {
    // Not loaded (the connection dropped): the next "Fortsæt" tries again.
    checksLoading = undefined;
    throw error;
  }));

/** The answers checked as the server checks them, with this kommune's help list (`checkForm`). */
const check = async (values: FormValues, kommune: FormKommune) =>
  (await loadChecks()).checkForm(values, kommune.slug, new Date(), { [kommune.slug]: kommune.helpAreas });

export function ApplyForm(props: ApplyProps) {
  const { kommune, lang } = props;
  /** The words for whoever fills in the form, by the answer to "Hvem søger?" (src/lib/apply-words.ts). */
  const fillerFor = (v: FormValues) => fillerOf(one(v, 'who'));
  const wordsFor = (v: FormValues) => props.strings[fillerFor(v)];
  // After a no-JavaScript round trip the page's answers count; otherwise this tab's answers in progress, over the questionnaire's.
  const fromPage = Object.keys(props.values).length > 0;
  const [draft] = useState(() => (fromPage ? null : readDraft(kommune.slug)));
  const [prefill] = useState(() => (fromPage ? null : readQuestionnaire(kommune)));
  /** The form's Idempotency-Key, kept with the answers; a fresh one when the server says it was used for other answers. */
  const [idempotencyKey, setIdempotencyKey] = useState(draft?.key ?? props.idempotencyKey);
  /** Something was typed or chosen here (or the tab's or the page's answers came back): keep it, and ask before leaving. */
  const changed = useRef(fromPage || !!draft);
  /** Only what was typed here (not what the questionnaire filled in) is kept and guarded; `one` of a list is its first item. */
  const typedIn = (v: FormValues) => changed.current && FORM_FIELDS.some((f) => one(v, f));

  // After a round trip without JavaScript (the island came late), the server's problems are placed as the island's own.
  const form = useApplicationForm(
    () => ({ ...prefill?.values, ...draft?.values, ...props.values }),
    (created) => {
      const w = wordsFor(created.values());
      const g = props.general;
      showProblems(created, problemsIn(props.issues, w), g && fillTemplate(w.errorSummary[g.code], { seconds: g.seconds ?? 60 }));
    },
  );
  const [step, setStep] = useState(() => {
    const first = props.issues.map((i) => fieldForPath(i.path)).find(Boolean) ?? null;
    // Back, Forward or reload in this tab: the step of that history entry, else the step left last.
    const entry: unknown = history.state?.applyStep;
    return first ? STEPS.findIndex((st) => st.id === stepOfField(first)) : draft ? (isStep(entry) ? entry : draft.step) : 0;
  });
  /** After "Ret" on "Tjek dine svar": "Fortsæt" goes back there. */
  const [returnToReview, setReturnToReview] = useState(false);
  /** Sent: nothing to keep or warn about any more. */
  const sent = useRef(false);
  const [sending, setSending] = useState(false);
  const sendingNow = useRef(false);
  /** checks.ts once loaded: "Tjek dine svar" renders its `Review` (reached only through a "Fortsæt" that waited for it). */
  const [checks, setChecks] = useState<Checks | null>(null);
  /** What takes focus once the next render is on screen: the step's heading, the error summary or a field's id. */
  const focusAfterRender = useRef<string | null>(props.issues.length || props.general ? 'summary' : null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The page's own error summary (from a no-JavaScript round trip) gives way to the island's.
  // Each step is a history entry (its number in the entry's state, nothing personal in the URL).
  useEffect(() => {
    loadChecks().then(setChecks, () => {});
    document.getElementById('error-summary-page')?.remove();
    // Without the no-JavaScript draft's key (`?svar=…`): the tab keeps the answers from here, so a reload comes back to them.
    history.replaceState({ ...history.state, applyStep: step }, '', location.pathname);
    const onPop = (e: PopStateEvent) => {
      const to: unknown = e.state?.applyStep;
      if (isStep(to)) goToRef.current(to, 'heading', false);
    };
    addEventListener('popstate', onPop);
    // A link to another page of the site, or the site's search, keeps the answers (they are in the tab),
    // so it does not ask; a link opened in a new tab or with a modifier key leaves the page as it is.
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element).closest?.('a');
      leavingInSite = !!a && !a.target && !e.ctrlKey && !e.metaKey && a.origin === location.origin && a.pathname !== location.pathname;
    };
    const onSubmit = (e: SubmitEvent) => {
      leavingInSite = !(e.target as Element).closest('.apply-form');
    };
    // Leaving the site or closing the tab with answers typed and not sent asks first (decided when it happens).
    const warn = (e: BeforeUnloadEvent) => {
      if (typedIn(form.values()) && !sent.current && !leavingInSite) e.preventDefault();
    };
    addEventListener('click', onClick);
    addEventListener('submit', onSubmit);
    addEventListener('beforeunload', warn);
    return () => {
      removeEventListener('popstate', onPop);
      removeEventListener('click', onClick);
      removeEventListener('submit', onSubmit);
      removeEventListener('beforeunload', warn);
    };
  }, []);
  // The answers kept for the tab.
  const values = form.values();
  const s = wordsFor(values);
  useEffect(() => {
    if (!sent.current) saveDraft(kommune.slug, typedIn(values) ? { values, step, key: idempotencyKey } : null);
  });
  useEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    if (target === 'heading') headingRef.current?.focus();
    else if (target === 'summary') summaryRef.current?.focus();
    else if (target) document.getElementById(target)?.focus();
  });

  const age = ageFromForm(values, new Date()) ?? prefill?.ageHint ?? props.ageHint;
  const askPension = pensionMatters(kommune, age);
  const preview = previewFor(kommune, age, pensionAnswer(values));
  const current = STEPS[step]!;

  const show = (items: Problems, general: string | null = null) => {
    showProblems(form, items, general);
    focusAfterRender.current = 'summary';
  };
  const goTo = (index: number, focus: string = 'heading', push = true) => {
    form.showMessages([], {});
    // Each entry knows the step it came from, so "Tilbage" can be the browser's Back.
    if (push && index !== step) history.pushState({ applyStep: index, from: step }, '');
    if (index === STEPS.length - 1) setReturnToReview(false);
    setStep(index);
    focusAfterRender.current = focus;
  };
  const goToRef = useRef(goTo);
  goToRef.current = goTo;
  /** Shows problems on their fields and goes to the first step that has one (the history entry says so too). */
  const showOnSteps = (items: Problems) => {
    const firstStep = STEPS.findIndex((st) => items.some((i) => stepOfField(i.field) === st.id));
    const to = firstStep < 0 ? STEPS.length - 1 : firstStep;
    history.replaceState({ applyStep: to }, '');
    setStep(to);
    show(items);
  };

  const next = async () => {
    // This step's questions, and any asked again here (a phone number revealed under "Telefon").
    const checked = await check(form.values(), kommune).catch(() => null);
    if (!checked) return show([], s.errorSummary.checkUnavailable);
    if (!checks) setChecks(await loadChecks());
    const issues = (checked.ok ? [] : checked.issues).filter((i) => {
      const field = fieldForPath(i.path);
      return stepOfField(field) === current.id || (field && document.getElementById(applicationFieldId(field)));
    });
    if (issues.length) {
      show(problemsIn(issues, s));
    } else {
      goTo(returnToReview ? STEPS.length - 1 : step + 1);
    }
  };

  const send = async () => {
    // A second click while the first is being checked or sent does nothing (a ref: set before the page renders again).
    if (sendingNow.current) return;
    sendingNow.current = true;
    const checked = await check(form.values(), kommune).catch(() => null);
    if (!checked) {
      sendingNow.current = false;
      return show([], s.errorSummary.checkUnavailable);
    }
    if (!checked.ok) {
      sendingNow.current = false;
      showOnSteps(problemsIn(checked.issues, s));
      return;
    }
    setSending(true);
    const result = await (await loadChecks()).sendApplication(checked.body, idempotencyKey, lang);
    if (result.kind === 'created') {
      sent.current = true;
      forgetAnswers(kommune.slug);
      window.location.assign(result.receipt);
      return;
    }
    sendingNow.current = false;
    setSending(false);
    if (result.kind === 'invalid' && result.errors.some((e) => !e.path)) {
      // The key was used for other answers (an earlier send from this tab got through, then answers changed):
      // a new key, and the person told what may have happened.
      setIdempotencyKey(crypto.randomUUID());
      show([], s.errorSummary.keyReused);
    } else if (result.kind === 'invalid') {
      showOnSteps(result.errors.map((e) => ({ field: fieldForPath(e.path), text: e.message })));
    } else if (result.kind === 'network') {
      show([], s.errorSummary.network);
    } else {
      const code = result.status === 429 ? 'tooMany' : result.status === 413 ? 'tooLarge' : 'store';
      show([], fillTemplate(s.errorSummary[code], { seconds: result.retryAfter ?? 60 }));
    }
  };

  const errors = Object.fromEntries(FORM_FIELDS.flatMap((f) => form.messages(f).slice(0, 1).map((text) => [f, text])));
  const summary = [
    ...form.formMessages().map((text) => ({ href: '', text })),
    ...FORM_FIELDS.flatMap((f) => form.messages(f).map((text) => ({ href: `#${applicationFieldId(f)}`, text }))),
  ];
  const onChange = (field: FieldName, value: string | string[]) => {
    changed.current = true;
    form.set(field, value);
    // Another way of contact reveals other questions: the problems of those it hides go with them.
    if (field === 'contactPreferred') form.dropMessages((f) => stepOfField(f) !== current.id);
  };
  const section: SectionProps = { s, values, errors, live: true, onChange };
  const stepTitle = current.id === 'person' ? s.person.heading : s.steps[current.id];

  return (
    <div class="apply-form" id="ansoegning">
      <ErrorSummary heading={s.errorSummary.heading} items={summary} summaryRef={summaryRef} />
      {/* Rendered on the server for each step (StepIndicator.tsx); a step passed is a button back to it. */}
      <div
        onClick={(e) => {
          const to = (e.target as Element).closest<HTMLElement>('[data-step]');
          if (to) goTo(Number(to.dataset.step));
        }}
        dangerouslySetInnerHTML={{ __html: props.steps[fillerFor(values)]![step]! }}
      />
      <form
        noValidate
        aria-labelledby="apply-step-heading"
        onSubmit={(e) => {
          e.preventDefault();
          if (current.id === 'review') void send();
          else void next();
        }}
      >
        <p class="step-subheading">{fillTemplate(s.stepOf, { current: step + 1, total: STEPS.length })}</p>
        <h2 id="apply-step-heading" tabIndex={-1} ref={headingRef}>
          {stepTitle}
        </h2>
        {current.id === 'who' && <WhoSection {...section} />}
        {current.id === 'person' && <PersonSection {...section} askPension={askPension} />}
        {current.id === 'needs' && <NeedsSection {...section} />}
        {current.id === 'contact' && <ContactSection {...section} />}
        {current.id === 'review' && (
          <>
            <p>{s.review.lead}</p>
            {checks && (
              <checks.Review
                s={s}
                rows={checks.reviewRows(s, values, askPension)}
                onChange={(field) => {
                  goTo(
                    STEPS.findIndex((st) => st.id === stepOfField(field)),
                    applicationFieldId(field),
                  );
                  setReturnToReview(true);
                }}
              />
            )}
          </>
        )}
        {step > 0 && <RoutingPreview s={s} words={props.routing[fillerFor(values)]} fragments={props.fragments[fillerFor(values)]} preview={preview} />}
        {current.id === 'review' && <p>{s.review.sendLead}</p>}
        <div class="apply-form__actions">
          <button type="submit" class="button button-primary" aria-disabled={sending ? 'true' : undefined}>
            {current.id === 'review' ? s.send : s.continue}
          </button>
          {step > 0 && (
            <button type="button" class="button button-secondary" onClick={() => (history.state?.from === step - 1 ? history.back() : goTo(step - 1))}>
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
