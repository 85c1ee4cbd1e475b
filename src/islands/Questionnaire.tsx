/**
 * "Kan jeg få støtte?" with JavaScript: one question per screen, "Tilbage"
 * always there, "Trin 3 af 7", focus on each new question's heading (or on
 * the error summary), the answers in sessionStorage so a reload, the
 * browser's back button and coming back to the page keep them. The same
 * engine and the same result markup as the no-JavaScript page.
 *
 * Nothing leaves the browser: "Søg nu" writes the prefill for the
 * application form to sessionStorage (the contract in questionnaire-answers.ts)
 * and follows a plain link.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { cleanAnswers, questionsFor, type Answers, type QuestionnaireKommune } from '../domain/eligibility.ts';
import { missingAnswers, parseAge, type AnswerError } from '../domain/questionnaire-answers.ts';
import type { PhoneStatusStrings } from '../lib/phone-status-text.ts';
import { fillTemplate } from '../lib/template.ts';
import type { Locale } from '../i18n/index.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { errorText, summaryItems } from '../components/questionnaire/errors.ts';
import { QuestionField } from '../components/questionnaire/QuestionField.tsx';
import type { QuestionnaireLinks, QuestionnaireStrings } from '../lib/questionnaire-strings.ts';

export interface QuestionnaireProps {
  lang: Locale;
  slug: string;
  k: QuestionnaireKommune;
  s: QuestionnaireStrings;
  links: QuestionnaireLinks;
  /** The phoneStatus strings, for "Åben nu" on the result. */
  phone: PhoneStatusStrings & { assumption: string };
}

/** A question's index, or the result. */
type Step = number | 'result';

interface State {
  answers: Answers;
  /** The age as typed (it may not be a number yet). */
  ageText: string;
  step: Step;
}

/** The result (QuestionnaireResultView.tsx), loaded once: started as the island mounts. */
type ResultModule = typeof import('./QuestionnaireResultView.tsx');
let resultLoading: Promise<ResultModule> | undefined;
const loadResult = () =>
  (resultLoading ??= import('./QuestionnaireResultView.tsx').catch((error: unknown) => {
    // Not loaded (the connection dropped): tried again when the result is asked for.
    resultLoading = undefined;
    throw error;
  }));

const stateKey = (slug: string) => `stoetteportalen:questionnaire-answers:${slug}`;
const START: State = { answers: {}, ageText: '', step: 0 };

function restore(props: QuestionnaireProps): State {
  try {
    const saved = JSON.parse(sessionStorage.getItem(stateKey(props.slug)) ?? 'null') as Partial<State> | null;
    if (!saved) return START;
    const step = saved.step === 'result' || (typeof saved.step === 'number' && saved.step >= 0) ? saved.step : 0;
    return { answers: cleanAnswers(saved.answers, props.k), ageText: typeof saved.ageText === 'string' ? saved.ageText : '', step };
  } catch {
    // No sessionStorage (private mode, blocked) or an unreadable entry: start afresh.
    return START;
  }
}

function store(key: string, value: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // The questionnaire still works; only a reload forgets the answers.
  }
}

/** Our entries in the browser's history: which step, and how many of our steps lie behind it. */
interface HistoryEntry {
  questionnaireStep: Step;
  depth: number;
}
const currentEntry = (): HistoryEntry | null => (history.state?.questionnaireStep !== undefined ? (history.state as HistoryEntry) : null);

export function Questionnaire(props: QuestionnaireProps) {
  const { lang, slug, k, s, links } = props;
  const [state, setState] = useState<State>(() => {
    const restored = restore(props);
    const entry = currentEntry();
    return entry ? { ...restored, step: entry.questionnaireStep } : restored;
  });
  const [errors, setErrors] = useState<AnswerError[]>([]);
  const [result, setResult] = useState<ResultModule | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Focus moves only after the citizen does something, never on page load.
  const acted = useRef(false);

  const questions = questionsFor(k, state.answers);
  const index = state.step === 'result' ? questions.length : Math.min(state.step, questions.length - 1);

  useEffect(() => store(stateKey(slug), state), [state]);
  useEffect(() => {
    if (!result) loadResult().then(setResult, () => {});
  }, [state.step]);
  useEffect(() => {
    if (acted.current) (errors.length ? summaryRef : headingRef).current?.focus();
  }, [state.step, errors, result]);
  useEffect(() => {
    if (!currentEntry()) history.replaceState({ ...history.state, questionnaireStep: state.step, depth: 0 }, '');
    const onPop = (event: PopStateEvent) => {
      const entry = event.state as HistoryEntry | null;
      if (entry?.questionnaireStep === undefined) return;
      acted.current = true;
      setErrors([]);
      setState((current) => ({ ...current, step: entry.questionnaireStep }));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const goForward = (step: Step) => {
    acted.current = true;
    setErrors([]);
    setState((current) => ({ ...current, step }));
    history.pushState({ questionnaireStep: step, depth: (currentEntry()?.depth ?? 0) + 1 }, '');
  };
  const goBack = (step: Step) => {
    // Our own earlier step is behind us in the history: go there, so the browser's back and ours agree.
    if ((currentEntry()?.depth ?? 0) > 0) return history.back();
    acted.current = true;
    setErrors([]);
    setState((current) => ({ ...current, step }));
    history.replaceState({ questionnaireStep: step, depth: 0 }, '');
  };
  const answer = (value: string | string[]) => {
    const id = questions[index]!;
    setState((current) => {
      if (id !== 'age') return { ...current, answers: { ...current.answers, [id]: value } };
      const age = parseAge(value as string);
      const { age: _old, ...rest } = current.answers;
      return { ...current, ageText: value as string, answers: typeof age === 'number' ? { ...rest, age } : rest };
    });
  };
  const next = (event: Event) => {
    event.preventDefault();
    const id = questions[index]!;
    const problems: AnswerError[] =
      id === 'age' && parseAge(state.ageText) === 'invalid'
        ? [{ question: 'age', code: 'invalid' }]
        : missingAnswers(state.answers, k).filter((e) => e.question === id);
    if (problems.length) {
      acted.current = true;
      setErrors(problems);
      return;
    }
    goForward(index + 1 < questions.length ? index + 1 : 'result');
  };

  if (state.step === 'result') {
    // Loaded as the island mounted; only a page opened on its result can be here before it arrives.
    if (!result) return null;
    return (
      <result.ResultView
        {...props}
        answers={state.answers}
        headingRef={headingRef}
        store={store}
        controls={
          <div class="questionnaire-nav no-print">
            <button type="button" class="button button-primary" onClick={() => print()}>{s.print}</button>
            <button type="button" class="button button-secondary" onClick={() => goBack(questions.length - 1)}>{s.back}</button>
            <button
              type="button"
              class="button button-tertiary"
              onClick={() => {
                setState(START);
                goForward(0);
              }}
            >
              {s.startOver}
            </button>
          </div>
        }
      />
    );
  }

  const id = questions[index]!;
  const error = errors.find((e) => e.question === id);
  return (
    <form class="questionnaire-step" noValidate onSubmit={next}>
      <ErrorSummary heading={s.errorSummary} items={summaryItems(k, s, errors)} summaryRef={summaryRef} />
      <QuestionField
        key={id}
        id={id}
        k={k}
        s={s}
        lang={lang}
        level={2}
        caption={fillTemplate(s.step, { step: index + 1, total: questions.length })}
        headingRef={headingRef}
        value={id === 'age' ? state.ageText : (state.answers[id] as string | string[] | undefined)}
        error={error && errorText(s, error)}
        onChange={answer}
      />
      <div class="questionnaire-nav">
        <button type="submit" class="button button-primary">{index + 1 < questions.length ? s.next : s.submit}</button>
        {index === 0 ? (
          <a class="button button-secondary" href={links.standard}>{s.back}</a>
        ) : (
          <button type="button" class="button button-secondary" onClick={() => goBack(index - 1)}>{s.back}</button>
        )}
      </div>
      <p class="questionnaire-privacy">{s.privacyJs}</p>
    </form>
  );
}
