/**
 * The outcome of "Kan jeg få støtte?", the same markup in the island and on
 * the no-JavaScript result page (rendered on the server there): the outcome
 * and that it is not a decision; what to do now (other help and where, call
 * the unit, apply — for everyone the form takes); the reasons, each with the
 * standard's own words in quotation marks, what they mean, and a link to its section; and the answers, so the page can be printed and
 * brought to the kommune. Ineligibility is never shown as an error.
 */
import { Fragment, type ComponentChildren, type Ref } from 'preact';
import { knownNeeds, questionsFor, type Answers, type Assessment, type NextStep, type QuestionnaireKommune, type Reason } from '../../domain/eligibility.ts';
import type { Locale } from '../../i18n/index.ts';
import { optionLabel } from './QuestionField.tsx';
import { Danish, UnitWhy, fillNodes, type QuestionnaireLinks, type QuestionnaireStrings } from './text.tsx';
import { Phrase } from '../Phrase.tsx';
import { PhoneLink } from '../PhoneLink.tsx';
import { UnitPhone } from '../UnitPhone.tsx';
import { phoneSegments, unitPhones } from '../../domain/phone-numbers-in-text.ts';

/** "Søg nu" as a link (the island writes the prefill to sessionStorage first) or as a form posting it (no JavaScript). */
export type ApplyControl = { kind: 'link'; onClick: () => void } | { kind: 'form'; fields: [string, string][] };

interface Props {
  k: QuestionnaireKommune;
  s: QuestionnaireStrings;
  lang: Locale;
  answers: Answers;
  assessment: Assessment;
  links: QuestionnaireLinks;
  /** 1 on the result page, 2 inside the questionnaire page. */
  level: 1 | 2;
  headingRef?: Ref<HTMLHeadingElement>;
  apply: ApplyControl;
  /** "Åben nu – lukker kl. 14.00" for the unit (PhoneStatus on the server, PhoneStatusLine in the island). */
  phoneStatus?: ComponentChildren;
  /** The island's buttons (Tilbage, Start forfra, Udskriv). */
  controls?: ComponentChildren;
}

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4';

export function QuestionnaireResult(props: Props) {
  const { k, s, lang, answers, assessment, level, headingRef, controls } = props;
  const { outcome, unit } = assessment;
  const H1 = `h${level}` as HeadingTag;
  const H2 = `h${level + 1}` as HeadingTag;
  const unitName = <Danish lang={lang}>{unit.name}</Danish>;
  return (
    <div class={`questionnaire-result questionnaire-result--${outcome}`}>
      <H1 id="resultat" class="questionnaire-result__title" tabIndex={-1} ref={headingRef}>
        {s.outcomes[outcome].title}
      </H1>
      <p class="page-lead">{fillNodes(s.outcomes[outcome].lead, { unit: unitName })}</p>
      <div class="alert alert-info">
        <div class="alert-body">
          <p class="alert-text">{s.notDecision}</p>
        </div>
      </div>

      <H2>{s.nextStepsHeading}</H2>
      <ul class="questionnaire-steps nobullet-list">
        {assessment.nextSteps.map((step) => (
          <li key={step.kind === 'other-help' ? step.help : step.kind}>
            <Step {...props} step={step} level={level} />
          </li>
        ))}
      </ul>

      <H2>{s.reasonsHeading}</H2>
      <p>{s.reasonsIntro}</p>
      <ul class="questionnaire-reasons">
        {assessment.reasons.map((reason) => (
          <li key={reason.code}>
            <ReasonText {...props} reason={reason} />
          </li>
        ))}
      </ul>

      <H2>{s.answersHeading}</H2>
      <dl class="questionnaire-answers">
        {questionsFor(k, answers).map((id) => (
          <div key={id}>
            <dt><Phrase text={s.questions[id].label} /></dt>
            <dd>{answerText(props, id)}</dd>
          </div>
        ))}
      </dl>
      <p class="questionnaire-result__print-hint">{s.printHint}</p>
      {controls}
    </div>
  );
}

function Step(props: Props & { step: NextStep }) {
  const { s, lang, assessment, links, step, level, apply, phoneStatus } = props;
  const H = `h${level + 2}` as HeadingTag;
  const unit = assessment.unit;
  const unitName = <Danish lang={lang}>{unit.name}</Danish>;
  if (step.kind === 'other-help') {
    const help = s.help[step.help] as { title: string; text: string; youthUnit?: string; noContact?: string };
    const youth =
      step.help === 'children-and-youth' && !step.standardText
        ? fillNodes(unit.role === 'youth' ? (help.youthUnit ?? '') : (help.noContact ?? ''), {
            unit: unitName,
            why: <UnitWhy why={assessment.unitWhy} s={s} lang={lang} />,
          })
        : null;
    return (
      <>
        <H>{help.title}</H>
        <p>{fillNodes(help.text, { unit: unitName })}</p>
        {youth && <p>{youth}</p>}
        {step.standardText && step.section && (
          <StandardSays {...props} quote={step.quote} quoteSection={step.quoteSection} text={step.standardText} href={`${links.standard}#${step.section}`} />
        )}
      </>
    );
  }
  if (step.kind === 'call') {
    return (
      <>
        <H>{fillNodes(s.call.title, { unit: unitName })}</H>
        <p>
          {`${s.call.phone} `}
          <UnitPhone unit={unit} notStated={s.call.noPhone} from={s.call.phoneFrom} large />
        </p>
        {unit.phoneHoursText ? (
          <p class="phone-hours-text">
            {s.call.hours} <Danish lang={lang}>{unit.phoneHoursText}</Danish>
          </p>
        ) : (
          <p class="not-stated">{s.call.noHours}</p>
        )}
        {phoneStatus}
        <p class="no-print">
          <a href={links.contact}>{s.call.contactPage}</a>
        </p>
      </>
    );
  }
  const label = assessment.outcome === 'likely' || assessment.outcome === 'unclear' ? s.apply.now : s.apply.anyway;
  return (
    <>
      <H>{label}</H>
      <p>{s.apply.text}</p>
      {apply.kind === 'link' ? (
        <a class="button button-primary no-print" href={links.apply} onClick={apply.onClick}>
          {label}
        </a>
      ) : (
        <form method="post" action={links.apply} class="no-print">
          {apply.fields.map(([name, value], i) => (
            <input type="hidden" name={name} value={value} key={`${name}-${i}`} />
          ))}
          <button class="button button-primary" type="submit">{label}</button>
        </form>
      )}
    </>
  );
}

function ReasonText({ k, s, lang, answers, assessment, links, reason }: Props & { reason: Reason }) {
  const needs = knownNeeds(k, answers.needs)
    .map((slug) => k.helpAreas.find((h) => h.slug === slug)?.label)
    .join(', ');
  const text = fillNodes(s.reasons[reason.code], {
    unit: <Danish lang={lang}>{assessment.unit.name}</Danish>,
    why: <UnitWhy why={assessment.unitWhy} s={s} lang={lang} />,
    needs: <Danish lang={lang}>{needs}</Danish>,
  });
  const href = `${links.standard}#${reason.section}`;
  return (
    <>
      <p>{text}</p>
      {reason.standardText ? (
        <StandardSays k={k} s={s} quote={reason.quote} quoteSection={reason.quoteSection} text={reason.standardText} href={href} />
      ) : (
        <p class="no-print">
          <a href={href}>{s.readSection}</a>
        </p>
      )}
    </>
  );
}

/**
 * The standard's own words in quotation marks, and beside them what they mean
 * in plain Danish (with the units' phone numbers as tap-to-call links, as on
 * the standard's page). Where the standard gives no words on the point, the
 * plain text is labelled as the site's reading, never as the standard's.
 */
function StandardSays(props: { k: QuestionnaireKommune; s: QuestionnaireStrings; quote: string | null; quoteSection: string | null; text: string; href: string }) {
  const { k, s, quote, quoteSection, text, href } = props;
  return (
    <div class="standard-says">
      {quote && (
        <p>
          {fillNodes(quoteSection ? s.standardSaysIn : s.standardSays, { section: <span lang="da">{quoteSection}</span> })}{' '}
          <span class="standard-says__quote" lang="da">„{quote}“</span>
        </p>
      )}
      <p>
        {quote ? s.inPlainWords : s.ourReading}{' '}
        <span class="standard-says__text" lang="da">
          {phoneSegments(text, unitPhones(k.units)).map((part) => (part.phone ? <PhoneLink phone={part.phone} text={part.text} /> : part.text))}
        </span>{' '}
        <a href={href} class="no-print">
          {s.readSection}
        </a>
      </p>
    </div>
  );
}

function answerText({ k, s, lang, answers }: Props, id: keyof Answers) {
  const value = answers[id];
  if (id === 'age') return value === undefined ? s.notAnswered : `${value} ${s.questions.age.suffix}`;
  if (id === 'needs') {
    const needs = knownNeeds(k, answers.needs);
    return needs.length
      ? needs.map((n, i) => (
          <Fragment key={n}>
            {i > 0 && ', '}
            {optionLabel(k, s, lang, id, n)}
          </Fragment>
        ))
      : s.noNeeds;
  }
  return typeof value === 'string' ? optionLabel(k, s, lang, id, value) : s.notAnswered;
}
