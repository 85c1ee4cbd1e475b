/**
 * "Kan jeg få støtte?": the assessment of the answers (eligibility.ts has the
 * questions and what they offer). A module of its own so the questionnaire
 * island loads it with its result (src/islands/QuestionnaireResultView.tsx),
 * by `import()` as it mounts, and not before its first question
 * (docs/islands.md).
 */
import { ADULT_AGE } from './age.ts';
import type { Fact } from './kommune.ts';
import type { Located } from './provenance.ts';
import { routeApplication } from './routing.ts';
import {
  SECTIONS,
  adultAge,
  cleanAnswers,
  knownNeeds,
  mayApply,
  questionsFor,
  type Answers,
  type Assessment,
  type Effect,
  type NextStep,
  type Outcome,
  type OtherHelp,
  type QuestionnaireKommune,
  type Reason,
  type ReasonCode,
} from './eligibility.ts';

const EFFECT_ORDER: Effect[] = ['other-help', 'unclear', 'fits', 'note'];

type FactLike = (Pick<Fact, 'text' | 'section'> & { quote?: string | null } & Located) | null | undefined;

const standardWords = (fact: FactLike) => ({
  standardText: fact?.text ?? null,
  quote: fact?.quote ?? null,
  quoteSection: fact?.quoteSection ?? null,
});

export function assess(given: Answers, k: QuestionnaireKommune): Assessment {
  const answers = cleanAnswers(given, k);
  const asked = new Set(questionsFor(k, answers));
  const reasons: Reason[] = [];
  const otherHelp: NextStep[] = [];
  const reason = (code: ReasonCode, effect: Effect, fact: FactLike, fallbackSection: string) =>
    reasons.push({ code, effect, ...standardWords(fact), section: fact?.section ?? fallbackSection });
  const pointTo = (help: OtherHelp, fact: FactLike = null) => {
    if (otherHelp.some((s) => s.kind === 'other-help' && s.help === help)) return;
    otherHelp.push({ kind: 'other-help', help, ...standardWords(fact), section: fact?.section ?? null });
  };
  const { eligibility } = k;

  // Someone else answering: the person must agree (the API's `applicantConsents`); cite who the standard lets apply.
  if (answers.who === 'relative' || answers.who === 'professional') {
    reason('on-behalf', 'note', k.onBehalf, SECTIONS.whoToContact);
  }

  // Age. § 85 is adult support; under 18 is answered with where children and young people get help.
  const age = answers.age ?? null;
  const ageFact = eligibility.minimumAgeFact;
  if (age === null) {
    reason('age-unknown', 'unclear', ageFact, SECTIONS.whoCanGetSupport);
  } else if (age < ADULT_AGE) {
    reason('under-18', 'other-help', k.under18 ?? ageFact, SECTIONS.whoCanGetSupport);
    pointTo('children-and-youth', k.under18);
  } else if (age < adultAge(k)) {
    reason('under-minimum-age', 'other-help', ageFact, SECTIONS.whoCanGetSupport);
    pointTo('ask-kommune');
  } else if (ageFact) {
    reason('age-ok', 'fits', ageFact, SECTIONS.whoCanGetSupport);
  }

  // Which unit: the kommune's routing (routing.ts), with førtidspension only where it was asked.
  const pension = asked.has('pension') ? (answers.pension ?? 'ved-ikke') : null;
  const route = routeApplication(k, {
    age,
    receivesEarlyRetirementPension: pension === 'ja' ? true : pension === 'nej' ? false : null,
  });
  // Where the unit is the site's reading, not the standard's words (Brønderslev under 30 on førtidspension,
  // Aabenraa), the reason says so: a text without a quote is shown as "Sådan forstår vi kvalitetsstandarden".
  if ((k.units.length > 1 || route.reading) && asked.has('reducedFunction')) {
    const section = route.section ?? SECTIONS.whoToContact;
    reason('unit', 'note', route.reading ? { text: route.reading, quote: null, section } : null, section);
    if (pension === 'ved-ikke') reason('pension-unknown', 'note', null, section);
  }

  // The target group: significantly reduced function or special social problems.
  if (asked.has('reducedFunction')) {
    const answer = answers.reducedFunction;
    if (answer === 'ja') reason('target-group-yes', 'fits', eligibility.targetGroup, SECTIONS.whoCanGetSupport);
    else if (answer === 'nej') {
      reason('target-group-no', 'other-help', eligibility.targetGroup, SECTIONS.whoCanGetSupport);
      pointTo('ask-kommune');
    } else reason('target-group-unsure', 'unclear', eligibility.targetGroup, SECTIONS.whoCanGetSupport);
    // Aabenraa, Sønderborg: it is the function that counts, not a diagnosis — worth saying to anyone unsure.
    if (answer !== 'ja' && eligibility.diagnosisRequired?.offered === false) {
      reason('no-diagnosis-needed', 'note', eligibility.diagnosisRequired, SECTIONS.whoCanGetSupport);
    }
  }

  if (asked.has('needs')) {
    const known = knownNeeds(k, answers.needs);
    if (known.length) reason('needs-listed', 'fits', null, SECTIONS.whatHelp);
    else reason('needs-none', 'unclear', null, SECTIONS.whatHelp);
  }

  // "What do you mostly need?": only the kinds of help this standard points elsewhere for.
  if (asked.has('kindOfHelp')) {
    const { treatment, homeHelp, companion } = k.otherHelp;
    const kind = answers.kindOfHelp ?? 'ved-ikke';
    if (kind === 'learn') reason('wants-learning', 'fits', null, SECTIONS.whatHelp);
    else if (kind === 'treatment') {
      reason('wants-treatment', 'other-help', treatment, SECTIONS.notIncluded);
      pointTo('health-system', treatment);
    } else if (kind === 'home-help') {
      reason('wants-home-help', 'other-help', homeHelp, SECTIONS.notIncluded);
      pointTo('home-help', homeHelp);
    } else if (kind === 'companion') {
      reason('wants-companion', 'other-help', companion, SECTIONS.notIncluded);
      pointTo('companion', companion);
    } else reason('kind-unsure', 'unclear', null, SECTIONS.notIncluded);
  }

  // Subsidiarity / kompensationsprincippet (Aabenraa, Brønderslev, Sønderborg): other help comes first.
  if (asked.has('coveredByOtherHelp')) {
    const fact = eligibility.subsidiarity;
    if (answers.coveredByOtherHelp === 'ja') {
      reason('covered', 'other-help', fact, SECTIONS.whoCanGetSupport);
      pointTo('existing-help', fact);
    } else if (answers.coveredByOtherHelp === 'nej') reason('not-covered', 'fits', fact, SECTIONS.whoCanGetSupport);
    else reason('covered-unsure', 'unclear', fact, SECTIONS.whoCanGetSupport);
  }

  // Housing where the standard names it (Brønderslev, Sønderborg); Housing First for the homeless (Sønderborg).
  if (asked.has('housing')) {
    const types = eligibility.housingTypes;
    const housing = answers.housing ?? 'andet';
    if (housing === 'hjemloes' && k.delivery.housingFirst?.offered) {
      reason('housing-first', 'fits', k.delivery.housingFirst, SECTIONS.whoCanGetSupport);
    } else if (types?.includes(housing)) {
      reason('housing-ok', 'fits', eligibility.housing, SECTIONS.whoCanGetSupport);
    } else if (types) {
      reason('housing-other', 'unclear', eligibility.housing, SECTIONS.whoCanGetSupport);
    }
  }

  // Where the standard makes it a condition: taking part (Frederikssund, Sønderborg, Varde), making choices (Brønderslev).
  if (asked.has('canTakePart')) {
    const fact = eligibility.ableToChoose ?? eligibility.participation;
    if (answers.canTakePart === 'ja') reason('takes-part', 'fits', fact, SECTIONS.whoCanGetSupport);
    else if (answers.canTakePart === 'nej') {
      reason('cannot-take-part', 'other-help', fact, SECTIONS.whoCanGetSupport);
      // Someone who cannot make choices (Brønderslev) may need others to do the tasks (§ 83); someone who
      // will not take part or cooperate is asked to talk to the kommune about what help fits.
      if (eligibility.ableToChoose && k.otherHelp.homeHelp) pointTo('home-help', k.otherHelp.homeHelp);
      else pointTo('ask-kommune');
    } else reason('take-part-unsure', 'unclear', fact, SECTIONS.whoCanGetSupport);
  }

  // A short need: both standards with short courses offer them as part of the support (Frederikssund: "kan gives
  // som en kortvarig … indsats"; Sønderborg: a straksforløb when you apply), so it is a note, never a reason to go elsewhere.
  if (asked.has('shortNeed') && k.delivery.straksforloeb) {
    const fact = k.delivery.straksforloeb;
    if (answers.shortNeed === 'ja') reason('short-need', 'note', fact, SECTIONS.whatHelp);
    else if (answers.shortNeed !== 'nej') reason('short-need-unsure', 'note', fact, SECTIONS.whatHelp);
  }

  const strongest = (effect: Effect) => reasons.some((r) => r.effect === effect);
  const outcome: Outcome = strongest('other-help') ? 'other-help' : strongest('unclear') ? 'unclear' : 'likely';
  // Applying is always offered, except below the age the form takes (the API refuses it): a button that
  // can only lead to a refusal is not offered; where young people get help, and the phone, are.
  const apply: NextStep[] = mayApply(age) ? [{ kind: 'apply' }] : [];
  const nextSteps: NextStep[] =
    outcome === 'likely'
      ? [...apply, { kind: 'call' }]
      : outcome === 'unclear'
        ? [{ kind: 'call' }, ...apply]
        : [...otherHelp, { kind: 'call' }, ...apply];
  const sorted = EFFECT_ORDER.flatMap((effect) => reasons.filter((r) => r.effect === effect));
  return { outcome, reasons: sorted, unit: route.unit, unitWhy: route.why, nextSteps };
}
