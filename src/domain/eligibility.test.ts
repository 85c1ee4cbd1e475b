import { describe, expect, it } from 'vitest';
import {
  SECTIONS,
  questionnaireData,
  questionsFor,
  type Answers,
  type OtherHelp,
  type Outcome,
  type ReasonCode,
} from './eligibility.ts';
import { assess } from './assessment.ts';
import { REQUIRED_HEADINGS } from './kommune-content.ts';
import { danishSlug } from './slug.ts';
import { kommune } from '../../tests/support/kommuner.ts';

/** Someone every standard would call likely: an adult in their own home who wants to learn to manage more. */
const base: Answers = {
  who: 'self',
  age: 45,
  pension: 'nej',
  reducedFunction: 'ja',
  needs: [],
  kindOfHelp: 'learn',
  coveredByOtherHelp: 'nej',
  housing: 'eget-hjem',
  canTakePart: 'ja',
  shortNeed: 'nej',
};

interface Scenario {
  situation: string;
  answers: Partial<Answers>;
  outcome: Outcome;
  /** The unit that would handle it. */
  unit: string;
  /** Reasons that must be there, each with the section of the standard it links to. */
  reasons: [ReasonCode, string][];
  /** The other kinds of help pointed to, in order (none unless the outcome is other-help). */
  help?: OtherHelp[];
  /** Words of the standard cited by the first reason listed. */
  quotes?: string;
}

const SCENARIOS: Record<string, Scenario[]> = {
  bronderslev: [
    {
      situation: 'a 45-year-old in her own home who wants to learn to manage her post is likely within § 85, at Visitationen',
      answers: { needs: ['kommunikation'] },
      outcome: 'likely',
      unit: 'visitationen',
      reasons: [
        ['target-group-yes', 'din-funktionsevne-er-nedsat'],
        ['needs-listed', SECTIONS.whatHelp],
        ['not-covered', 'anden-hjaelp-kommer-foerst'],
        ['housing-ok', 'du-bor-i-dit-eget-hjem'],
        ['takes-part', 'du-skal-selv-kunne-traeffe-valg'],
        ['unit', SECTIONS.whoToContact],
      ],
    },
    {
      situation: 'a 24-year-old without førtidspension applies to UngeCentret',
      answers: { age: 24, needs: ['socialt-liv'] },
      outcome: 'likely',
      unit: 'ungecentret',
      reasons: [['unit', 'ungecentret']],
    },
    {
      situation: 'a 24-year-old on førtidspension applies to Visitationen, and is told that this is how we read the standard',
      answers: { age: 24, pension: 'ja', needs: ['socialt-liv'] },
      outcome: 'likely',
      unit: 'visitationen',
      reasons: [['unit', SECTIONS.whoToContact]],
      quotes: 'nævner kvalitetsstandarden både ungecentret og visitationen',
    },
    {
      situation: 'a 24-year-old who does not know about førtidspension is shown UngeCentret and told it depends on that',
      answers: { age: 24, pension: 'ved-ikke', needs: ['socialt-liv'] },
      outcome: 'likely',
      unit: 'ungecentret',
      reasons: [['pension-unknown', 'ungecentret']],
    },
    {
      situation: 'a 16-year-old is told where young people get help: the standard names UngeCentret for under 30s',
      answers: { age: 16 },
      outcome: 'other-help',
      unit: 'ungecentret',
      reasons: [['under-18', SECTIONS.whoCanGetSupport]],
      help: ['children-and-youth'],
    },
    {
      situation: 'someone who mostly wants therapy is pointed to the health system, quoting the exclusion',
      answers: { needs: ['sundhed'], kindOfHelp: 'treatment' },
      outcome: 'other-help',
      unit: 'visitationen',
      reasons: [['wants-treatment', 'behandling-og-traening']],
      help: ['health-system'],
      quotes: 'samtaleterapi',
    },
    {
      situation: 'someone with dementia who cannot make choices is pointed to § 83 help',
      answers: { needs: ['egenomsorg'], canTakePart: 'nej' },
      outcome: 'other-help',
      unit: 'visitationen',
      reasons: [['cannot-take-part', 'du-skal-selv-kunne-traeffe-valg']],
      help: ['home-help'],
      quotes: 'demens',
    },
    {
      situation: 'someone who mostly wants a companion to leisure activities is pointed to § 97',
      answers: { needs: ['mobilitet'], kindOfHelp: 'companion' },
      outcome: 'other-help',
      unit: 'visitationen',
      reasons: [['wants-companion', 'hjaelp-efter-andre-regler']],
      help: ['companion'],
      quotes: '§ 97',
    },
    {
      situation: 'someone whose need home help already covers is told other help comes first',
      answers: { needs: ['praktiske-opgaver-i-hjemmet'], coveredByOtherHelp: 'ja' },
      outcome: 'other-help',
      unit: 'visitationen',
      reasons: [['covered', 'anden-hjaelp-kommer-foerst']],
      help: ['existing-help'],
      quotes: 'anden lov',
    },
    {
      situation: 'someone in a botilbud under serviceloven is asked to call: the standard names own home or almen bolig',
      answers: { needs: ['samfundsliv'], housing: 'botilbud' },
      outcome: 'unclear',
      unit: 'visitationen',
      reasons: [['housing-other', 'du-bor-i-dit-eget-hjem']],
    },
    {
      situation: 'someone homeless is asked to call: Brønderslev offers no Housing First in its standard',
      answers: { needs: ['samfundsliv'], housing: 'hjemloes' },
      outcome: 'unclear',
      unit: 'visitationen',
      reasons: [['housing-other', 'du-bor-i-dit-eget-hjem']],
    },
    {
      situation: 'a relative answering for someone in an almen bolig is told the standard lets relatives get in touch',
      answers: { who: 'relative', needs: ['samfundsliv'], housing: 'almen-botilbud' },
      outcome: 'likely',
      unit: 'visitationen',
      reasons: [
        ['on-behalf', 'hvem-skal-jeg-kontakte'],
        ['housing-ok', 'du-bor-i-dit-eget-hjem'],
      ],
    },
  ],
  frederikssund: [
    {
      situation: 'a 40-year-old who wants help with everyday tasks is likely within § 85, at Rådgivningshuset',
      answers: { needs: ['hverdagens-goeremaal'] },
      outcome: 'likely',
      unit: 'raadgivningshuset',
      reasons: [
        ['target-group-yes', 'du-har-nedsat-funktionsevne-eller-saerlige-sociale-problemer'],
        ['takes-part', 'du-skal-ville-samarbejde-med-kommunen'],
        ['unit', SECTIONS.whoToContact],
      ],
    },
    {
      situation: 'a 22-year-old applies to Ungekontakten',
      answers: { age: 22, needs: ['uddannelse-og-arbejde'] },
      outcome: 'likely',
      unit: 'ungekontakten',
      reasons: [['unit', 'ungekontakten']],
    },
    {
      situation: 'a 16-year-old is told what the standard says about under 18s, and to ask Ungekontakten',
      answers: { age: 16 },
      outcome: 'other-help',
      unit: 'ungekontakten',
      reasons: [['under-18', 'er-der-en-aldersgraense']],
      help: ['children-and-youth'],
      quotes: 'Ungekontakten',
    },
    {
      situation: 'a 12-year-old is told to ask Rådgivningshuset',
      answers: { age: 12 },
      outcome: 'other-help',
      unit: 'raadgivningshuset',
      reasons: [['under-18', 'er-der-en-aldersgraense']],
      help: ['children-and-youth'],
    },
    {
      situation: 'a 45-year-old who needs support only for a short period is told the support may fit, with a note on the shorter courses of §§ 82 a and 82 b',
      answers: { needs: ['sociale-kompetencer-og-netvaerk'], shortNeed: 'ja' },
      outcome: 'likely',
      unit: 'raadgivningshuset',
      reasons: [['short-need', 'kortere-stoette-i-grupper-eller-alene']],
      quotes: '82 b',
    },
    {
      situation: 'a 20-year-old who needs support only for a short period is told the support may fit, at Ungekontakten',
      answers: { age: 20, needs: ['hverdagens-goeremaal'], shortNeed: 'ja' },
      outcome: 'likely',
      unit: 'ungekontakten',
      reasons: [['short-need', 'kortere-stoette-i-grupper-eller-alene']],
    },
    {
      situation: 'someone unsure whether their function is significantly reduced is asked to call first',
      answers: { needs: ['hverdagens-goeremaal'], reducedFunction: 'ved-ikke' },
      outcome: 'unclear',
      unit: 'raadgivningshuset',
      reasons: [['target-group-unsure', 'du-har-nedsat-funktionsevne-eller-saerlige-sociale-problemer']],
    },
    {
      situation: 'someone who does not want to work with the kommune is asked to talk about what help fits',
      answers: { needs: ['hverdagens-goeremaal'], canTakePart: 'nej' },
      outcome: 'other-help',
      unit: 'raadgivningshuset',
      reasons: [['cannot-take-part', 'du-skal-ville-samarbejde-med-kommunen']],
      help: ['ask-kommune'],
      quotes: 'samarbejde',
    },
  ],
  sonderborg: [
    {
      situation: 'a 50-year-old in his own home who wants help with shopping and food is likely within § 85',
      answers: { needs: ['indkoeb-og-kost'] },
      outcome: 'likely',
      unit: 'handicap-og-psykiatri',
      reasons: [
        ['target-group-yes', 'du-har-brug-for-hjaelp-og-stoette'],
        ['not-covered', 'andre-regler-kommer-foerst'],
        ['housing-ok', 'du-bor-i-dit-eget-hjem-eller-i-et-botilbud'],
        ['takes-part', 'du-skal-selv-deltage'],
      ],
    },
    {
      situation: 'someone homeless can get the support after Housing First',
      answers: { needs: ['administration'], housing: 'hjemloes' },
      outcome: 'likely',
      unit: 'handicap-og-psykiatri',
      reasons: [['housing-first', 'hvis-du-er-hjemloes']],
    },
    {
      situation: 'someone living in a botilbud is within the standard',
      answers: { needs: ['medicinhaandtering'], housing: 'botilbud' },
      outcome: 'likely',
      unit: 'handicap-og-psykiatri',
      reasons: [['housing-ok', 'du-bor-i-dit-eget-hjem-eller-i-et-botilbud']],
    },
    {
      situation: 'someone whose need other rules already cover is told other help comes first',
      answers: { needs: ['personlig-pleje'], coveredByOtherHelp: 'ja' },
      outcome: 'other-help',
      unit: 'handicap-og-psykiatri',
      reasons: [['covered', 'andre-regler-kommer-foerst']],
      help: ['existing-help'],
    },
    {
      situation: 'someone who needs support for a short while is told the support may fit: a straksforløb is what you get when you apply',
      answers: { needs: ['administration'], shortNeed: 'ja' },
      outcome: 'likely',
      unit: 'handicap-og-psykiatri',
      reasons: [['short-need', 'straksforloeb']],
      quotes: '6 måneder',
    },
    {
      situation: 'someone unsure how long they need support is still likely, with a note on straksforløb',
      answers: { needs: ['administration'], shortNeed: 'ved-ikke' },
      outcome: 'likely',
      unit: 'handicap-og-psykiatri',
      reasons: [['short-need-unsure', 'straksforloeb']],
    },
    {
      situation: 'someone without a reduced function is asked to talk about other help, and told a diagnosis is not what counts',
      answers: { needs: ['administration'], reducedFunction: 'nej' },
      outcome: 'other-help',
      unit: 'handicap-og-psykiatri',
      reasons: [
        ['target-group-no', 'du-har-brug-for-hjaelp-og-stoette'],
        ['no-diagnosis-needed', 'det-er-ikke-kun-din-diagnose-der-taeller'],
      ],
      help: ['ask-kommune'],
    },
    {
      situation: 'someone who lives neither at home nor in a botilbud is asked to call',
      answers: { needs: ['administration'], housing: 'andet' },
      outcome: 'unclear',
      unit: 'handicap-og-psykiatri',
      reasons: [['housing-other', 'du-bor-i-dit-eget-hjem-eller-i-et-botilbud']],
    },
    {
      situation: 'a support worker answering for someone is told others need that person’s consent',
      answers: { who: 'professional', needs: ['kontakt-og-samvaer'] },
      outcome: 'likely',
      unit: 'handicap-og-psykiatri',
      reasons: [['on-behalf', 'saadan-soeger-du']],
    },
  ],
  varde: [
    {
      situation: 'a 30-year-old who wants help with practical tasks is likely within § 85, and over 18 as Varde requires',
      answers: { age: 30, needs: ['praktiske-opgaver-i-hjemmet'] },
      outcome: 'likely',
      unit: 'social-og-handicap',
      reasons: [
        ['age-ok', 'du-skal-vaere-over-18-aar'],
        ['target-group-yes', 'du-har-nedsat-funktionsevne-eller-sociale-problemer'],
        ['wants-learning', SECTIONS.whatHelp],
        ['takes-part', 'du-skal-selv-tage-del'],
      ],
    },
    {
      situation: 'a 17-year-old is told the support is for those over 18',
      answers: { age: 17 },
      outcome: 'other-help',
      unit: 'social-og-handicap',
      reasons: [['under-18', 'du-skal-vaere-over-18-aar']],
      help: ['children-and-youth'],
      quotes: 'over 18',
    },
    {
      situation: 'someone who mostly wants psychological treatment is pointed to the health system',
      answers: { needs: ['sundhed'], kindOfHelp: 'treatment' },
      outcome: 'other-help',
      unit: 'social-og-handicap',
      reasons: [['wants-treatment', 'det-daekker-stoetten-ikke']],
      help: ['health-system'],
      quotes: 'psykologisk behandling',
    },
    {
      situation: 'someone who mostly wants a companion is pointed to ledsagelse after § 97',
      answers: { needs: ['mobilitet'], kindOfHelp: 'companion' },
      outcome: 'other-help',
      unit: 'social-og-handicap',
      reasons: [['wants-companion', 'ledsagelse-efter-paragraf-97']],
      help: ['companion'],
    },
    {
      situation: 'someone who does not want to take part, as the standard requires, is asked to talk to the kommune about what help fits',
      answers: { needs: ['egenomsorg'], canTakePart: 'nej' },
      outcome: 'other-help',
      unit: 'social-og-handicap',
      reasons: [['cannot-take-part', 'du-skal-selv-tage-del']],
      help: ['ask-kommune'],
    },
    {
      situation: 'someone who wants others to do the tasks for them, and not to take part, is pointed to § 83 and to the kommune',
      answers: { needs: ['egenomsorg'], kindOfHelp: 'home-help', canTakePart: 'nej' },
      outcome: 'other-help',
      unit: 'social-og-handicap',
      reasons: [['wants-home-help', 'personlig-hjaelp-efter-paragraf-83']],
      help: ['home-help', 'ask-kommune'],
      quotes: '§ 83',
    },
    {
      situation: 'someone who has not chosen what they need help with is asked to call',
      answers: { needs: [] },
      outcome: 'unclear',
      unit: 'social-og-handicap',
      reasons: [['needs-none', SECTIONS.whatHelp]],
    },
  ],
  aabenraa: [
    {
      situation: 'a 35-year-old who wants to take part in an activity is likely within § 85, at Visitation & Understøttelse',
      answers: { age: 35, needs: ['deltage-i-en-aktivitet'] },
      outcome: 'likely',
      unit: 'visitation-og-understoettelse',
      reasons: [
        ['target-group-yes', 'du-har-nedsat-funktionsevne-eller-saerlige-sociale-problemer'],
        ['not-covered', 'anden-hjaelp-kommer-foerst'],
      ],
    },
    {
      situation: 'a 35-year-old is told that sending the application to Visitation & Understøttelse is how we read the standard, which does not say where to apply',
      answers: { age: 35, needs: ['deltage-i-en-aktivitet'] },
      outcome: 'likely',
      unit: 'visitation-og-understoettelse',
      reasons: [['unit', SECTIONS.whoToContact]],
      quotes: 'kvalitetsstandarden siger ikke, hvor man søger',
    },
    {
      situation: 'someone whose need a værested already covers is told other help comes first',
      answers: { needs: ['deltage-i-en-aktivitet'], coveredByOtherHelp: 'ja' },
      outcome: 'other-help',
      unit: 'visitation-og-understoettelse',
      reasons: [['covered', 'anden-hjaelp-kommer-foerst']],
      help: ['existing-help'],
      quotes: 'værested',
    },
    {
      situation: 'someone who mostly needs care is pointed to home help and aids',
      answers: { needs: ['udfoere-en-funktion'], kindOfHelp: 'home-help' },
      outcome: 'other-help',
      unit: 'visitation-og-understoettelse',
      reasons: [['wants-home-help', 'pleje-og-omsorg']],
      help: ['home-help'],
      quotes: '§ 83',
    },
    {
      situation: 'someone who needs conversations with a psychologist is pointed to the health system',
      answers: { needs: ['vedligeholde-og-udvikle-faerdigheder'], kindOfHelp: 'treatment' },
      outcome: 'other-help',
      unit: 'visitation-og-understoettelse',
      reasons: [['wants-treatment', 'samtaler-der-kraever-saerlig-faglighed']],
      help: ['health-system'],
      quotes: 'psykologi',
    },
    {
      situation: 'someone unsure what kind of help they need is asked to call',
      answers: { needs: ['deltage-i-en-aktivitet'], kindOfHelp: 'ved-ikke' },
      outcome: 'unclear',
      unit: 'visitation-og-understoettelse',
      reasons: [['kind-unsure', SECTIONS.notIncluded]],
    },
    {
      situation: 'someone unsure whether their help covers the need is asked to call',
      answers: { needs: ['deltage-i-en-aktivitet'], coveredByOtherHelp: 'ved-ikke' },
      outcome: 'unclear',
      unit: 'visitation-og-understoettelse',
      reasons: [['covered-unsure', 'anden-hjaelp-kommer-foerst']],
    },
    {
      situation: 'a 15-year-old is told § 85 is for adults; the standard names no contact for children',
      answers: { age: 15 },
      outcome: 'other-help',
      unit: 'visitation-og-understoettelse',
      reasons: [['under-18', SECTIONS.whoCanGetSupport]],
      help: ['children-and-youth'],
    },
  ],
};

describe.each(Object.entries(SCENARIOS))('%s', (slug, scenarios) => {
  const k = questionnaireData(kommune(slug));

  it('has at least six scenarios covering every outcome', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    expect(new Set(scenarios.map((s) => s.outcome))).toEqual(new Set(['likely', 'other-help', 'unclear']));
  });

  it.each(scenarios)('$situation', ({ answers, outcome, unit, reasons, help = [], quotes }) => {
    const result = assess({ ...base, ...answers }, k);
    expect(result.outcome).toBe(outcome);
    expect(result.unit.id).toBe(unit);
    for (const [code, section] of reasons) {
      expect(result.reasons.find((r) => r.code === code)?.section, code).toBe(section);
    }
    const pointedTo = result.nextSteps.flatMap((s) => (s.kind === 'other-help' ? [s.help] : []));
    expect(pointedTo).toEqual(help);
    if (quotes) expect(result.reasons.find((r) => r.code === reasons[0]?.[0])?.standardText?.toLowerCase()).toContain(quotes.toLowerCase());
    // Every reason that cites the standard carries its words too (the content check finds them in the source);
    // the one text without them is the routing's reading, shown as the site's ("Sådan forstår vi").
    const readings = [k.routing.defaultReading, ...k.routing.rules.map((r) => r.reading)];
    for (const r of result.reasons) {
      if (r.standardText && r.quote === null) expect(readings, r.code).toContain(r.standardText);
      else if (r.standardText) expect(r.quote, r.code).toEqual(expect.any(String));
    }
    // Applying is offered, except to someone under 18: the form refuses them, so no button leads there.
    if ((answers.age ?? base.age!) < 18) expect(result.nextSteps).not.toContainEqual({ kind: 'apply' });
    else expect(result.nextSteps).toContainEqual({ kind: 'apply' });
    expect(result.nextSteps).toContainEqual({ kind: 'call' });
  });
});

describe('the scenario table covers every rule', () => {
  const results = Object.entries(SCENARIOS).flatMap(([slug, list]) =>
    list.map((s) => assess({ ...base, ...s.answers }, questionnaireData(kommune(slug)))),
  );
  const codes = new Set(results.flatMap((r) => r.reasons.map((x) => x.code)));
  const helps = new Set(results.flatMap((r) => r.nextSteps.flatMap((s) => (s.kind === 'other-help' ? [s.help] : []))));

  it('every reason code but the two only a partial or unusual standard gives', () => {
    const all: ReasonCode[] = [
      'on-behalf', 'under-18', 'age-ok', 'unit', 'pension-unknown', 'target-group-yes', 'target-group-no',
      'target-group-unsure', 'no-diagnosis-needed', 'needs-listed', 'needs-none', 'wants-learning',
      'wants-treatment', 'wants-home-help', 'wants-companion', 'kind-unsure', 'covered', 'not-covered',
      'covered-unsure', 'housing-ok', 'housing-first', 'housing-other', 'takes-part', 'cannot-take-part',
      'short-need', 'short-need-unsure',
    ];
    expect(all.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('every other kind of help', () => {
    const all: OtherHelp[] = ['children-and-youth', 'health-system', 'home-help', 'companion', 'existing-help', 'ask-kommune'];
    expect(all.filter((h) => !helps.has(h))).toEqual([]);
  });
});

describe('the questions each kommune asks are the ones its rules need', () => {
  it.each([
    ['bronderslev', 45, ['who', 'age', 'reducedFunction', 'needs', 'kindOfHelp', 'coveredByOtherHelp', 'housing', 'canTakePart']],
    ['bronderslev', 24, ['who', 'age', 'pension', 'reducedFunction', 'needs', 'kindOfHelp', 'coveredByOtherHelp', 'housing', 'canTakePart']],
    ['frederikssund', 45, ['who', 'age', 'reducedFunction', 'needs', 'canTakePart', 'shortNeed']],
    ['sonderborg', 45, ['who', 'age', 'reducedFunction', 'needs', 'coveredByOtherHelp', 'housing', 'canTakePart', 'shortNeed']],
    ['varde', 45, ['who', 'age', 'reducedFunction', 'needs', 'kindOfHelp', 'canTakePart']],
    // Aabenraa: being active in your own case is a goal of the kommune's, not a condition, so it is not asked.
    ['aabenraa', 45, ['who', 'age', 'reducedFunction', 'needs', 'kindOfHelp', 'coveredByOtherHelp']],
  ])('%s, age %i', (slug, age, questions) => {
    expect(questionsFor(questionnaireData(kommune(slug)), { age })).toEqual(questions);
  });

  it('stops after the age for someone under 18: § 85 is adult support', () => {
    expect(questionsFor(questionnaireData(kommune('bronderslev')), { age: 17 })).toEqual(['who', 'age']);
  });

  it('asks every question the kommune could need while the age is not known yet', () => {
    expect(questionsFor(questionnaireData(kommune('bronderslev')))).toContain('pension');
  });

  it('the fallback sections are the headings every standard must have', () => {
    expect(Object.values(SECTIONS).sort()).toEqual(
      [REQUIRED_HEADINGS[0], REQUIRED_HEADINGS[1], REQUIRED_HEADINGS[2], REQUIRED_HEADINGS[7]].map(danishSlug).sort(),
    );
  });
});

describe('rules driven by data only', () => {
  it('a kommune whose standard sets 21 as its minimum age answers a 19-year-old with other help', () => {
    const varde = questionnaireData(kommune('varde'));
    const k = { ...varde, eligibility: { ...varde.eligibility, minimumAge: 21 } };
    const result = assess({ ...base, age: 19 }, k);
    expect(result.outcome).toBe('other-help');
    expect(result.reasons[0]).toMatchObject({ code: 'under-minimum-age', section: 'du-skal-vaere-over-18-aar' });
    expect(questionsFor(k, { age: 19 })).toEqual(['who', 'age']);
  });

  it('without an age the outcome is unclear, never a guess', () => {
    const { age: _age, ...noAge } = base;
    const result = assess(noAge, questionnaireData(kommune('varde')));
    expect(result.outcome).toBe('unclear');
    expect(result.reasons.map((r) => r.code)).toContain('age-unknown');
  });

  it('answers to questions a kommune does not ask change nothing (Varde has no housing rule)', () => {
    const k = questionnaireData(kommune('varde'));
    expect(assess({ ...base, housing: 'andet', coveredByOtherHelp: 'ja', shortNeed: 'ja', needs: ['sundhed'] }, k)).toEqual(
      assess({ ...base, needs: ['sundhed'] }, k),
    );
  });

  it('the strongest reasons come first: what points elsewhere, then what is unclear, then what fits', () => {
    const result = assess({ ...base, needs: [], coveredByOtherHelp: 'ja' }, questionnaireData(kommune('aabenraa')));
    expect(result.reasons.map((r) => r.effect)).toEqual([...result.reasons.map((r) => r.effect)].sort(
      (a, b) => ['other-help', 'unclear', 'fits', 'note'].indexOf(a) - ['other-help', 'unclear', 'fits', 'note'].indexOf(b),
    ));
    expect(result.reasons[0]?.code).toBe('covered');
  });
});
