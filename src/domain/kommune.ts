/**
 * The data model of one kommune's quality standard (kvalitetsstandard) for
 * socialpædagogisk støtte, Serviceloven § 85.
 *
 * This schema is the one source of truth: the content collection validates
 * `content/kommuner/<slug>.mdx` frontmatter with it and every other module
 * uses the inferred `Kommune` type. No Astro or Preact import here.
 *
 * The rule that runs through it: a fact the standard does not give is `null`,
 * never a guess. Pages render `null` as "Står ikke i kvalitetsstandarden" with
 * the way to find out. Facts found outside the standard live only in
 * `outsideSources`, each with its public source and date.
 */
import { z } from 'zod';
import { WEEKDAYS, type PhoneWindow } from './weekdays.ts';
import { HOUSING_TYPES } from './housing.ts';

import { VUM_THEMES, isKommuneSlug } from './ids.ts';

// Defined in ids.ts (zod-free, shared with the application island); re-exported here.
export { VUM_THEMES, isKommuneSlug };

/** A heading id in the MDX body, e.g. `hvem-kan-faa-stoette`. Links from data to text use it. */
const SectionId = z
  .string()
  .regex(/^[a-z0-9-]+$/, 'skal være et overskrifts-id med små bogstaver, tal og bindestreg (fx "hvad-koster-det")');

/**
 * One fact as the standard states it: a plain-Danish sentence for the reader,
 * the standard's own words, and the body section it comes from.
 */
export const FactSchema = z.strictObject({
  /** Plain Danish, du-form: what the reader needs to know. */
  text: z.string().min(1),
  /**
   * The same as `text` in English, for the English receipt (only the facts
   * the receipt shows may have one: `receiptTexts` in facts.ts): plain,
   * "you", nothing added or made stronger, every number and phone number of
   * `text` written the same way (the content check holds it to that,
   * `englishTextProblems` in kommune-content.ts), Danish names marked
   * `<da>…</da>`. The page labels it as our translation, shows the Danish
   * under it and says that the Danish standard counts. Optional: without it
   * the English receipt shows the Danish, marked as Danish.
   */
  textEn: z.string().min(1).optional(),
  /**
   * The standard's own words, verbatim (the content check finds them in the
   * source document, src/domain/provenance.ts). `null` only where `text` says
   * what the standard does not say; pages never show such a text as the standard's.
   */
  quote: z.string().min(1).nullable(),
  /** Heading id in this kommune's body where the fact is explained. */
  section: SectionId,
  /**
   * The weeks the fact promises, counted from the day the kommune receives the
   * application ("senest 4 uger", "op til 5 uger"): the receipt turns it into a
   * date. Set only where the quote says it (the content check holds it to that).
   */
  weeksAfterApplying: z.number().int().min(1).optional(),
});
export type Fact = z.infer<typeof FactSchema>;

/** A fact, or `null` when the standard is silent. */
const MaybeFact = FactSchema.nullable();

/** A flag (e.g. "group courses offered") with the standard's words and where it says so; `null` when silent. */
export const FlagSchema = z
  .strictObject({
    offered: z.boolean(),
    text: z.string().min(1),
    /** The standard's own words, verbatim (the content check finds them in the source document). */
    quote: z.string().min(1),
    section: SectionId,
  })
  .nullable();
export type Flag = z.infer<typeof FlagSchema>;

export { WEEKDAYS, type Weekday, type PhoneWindow } from './weekdays.ts';
export { HOUSING_TYPES, type Housing } from './housing.ts';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'skal være et klokkeslæt som "08:00"');

/**
 * One window in the weekly phone hours. Several windows on one day are allowed
 * (Sønderborg: 8–9 and 13–14 on weekdays).
 */
export const PhoneWindowSchema = z
  .strictObject({
    day: z.enum(WEEKDAYS),
    opens: ClockTime,
    closes: ClockTime,
  })
  .refine((w) => w.opens < w.closes, { message: 'opens skal ligge før closes', path: ['closes'] });
// One PhoneWindow type (weekdays.ts, zod-free for the browser); the schema must parse to exactly it.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const phoneWindowMatchesSchema: Same<z.infer<typeof PhoneWindowSchema>, PhoneWindow> = true;
void phoneWindowMatchesSchema;

export const UnitAddressSchema = z.strictObject({
  street: z.string().min(1),
  postalCode: z.string().regex(/^\d{4}$/, 'skal være et dansk postnummer med fire cifre'),
  city: z.string().min(1),
});
export type UnitAddress = z.infer<typeof UnitAddressSchema>;

/** A Danish phone number as printed: eight digits, spaces allowed ("9945 4421", "27 90 43 40"). */
const PhoneNumber = z
  .string()
  .refine((s) => /^\d{8}$/.test(s.replace(/\s/g, '')), 'skal være et telefonnummer med otte cifre');

export const UnitSchema = z.strictObject({
  /** Fixed ids used by the API (ARCHITECTURE.md, "Fixed ids and routing"). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** `youth` units take the young applicants the routing rule sends them. */
  role: z.enum(['adult', 'youth']),
  /** Who should contact this unit, in the reader's words. */
  whoShouldContact: z.string().min(1),
  address: UnitAddressSchema.nullable(),
  phone: PhoneNumber.nullable(),
  email: z.email().nullable(),
  /** Weekly phone hours as the standard states them; `null` when it gives none. */
  phoneHours: z.array(PhoneWindowSchema).min(1).nullable(),
  /**
   * The standard's own wording of the phone hours, word for word (the content
   * check finds it in the source), one line per line of the standard ("\n");
   * shown beside the table as its words.
   */
  phoneHoursText: z.string().min(1).nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;

/**
 * Who goes to which unit. Rules are tried in order; the first that matches
 * wins, otherwise `defaultUnit`. Ages are whole years on the day of submission.
 */
export const RoutingRuleSchema = z
  .strictObject({
  unit: z.string(),
  /** Inclusive lower age bound, `null` for none. */
  minAge: z.number().int().min(0).nullable(),
  /** Exclusive upper bound: 30 means "under 30". */
  belowAge: z.number().int().min(1).nullable(),
  /** Brønderslev: førtidspension sends you to the adult unit whatever your age. */
  excludesEarlyRetirementPension: z.boolean(),
  /** The standard's own words for the rule, verbatim. */
  quote: z.string().min(1),
  /**
   * Where the rule is the site's reading of the standard rather than its words
   * (Brønderslev: under 30 *and* on førtidspension, which the standard sends
   * both ways), what the reading is, said as a reading; `null` when the words say it all.
   */
  reading: z.string().min(1).nullable(),
  section: SectionId,
  })
  .refine((r) => r.minAge !== null || r.belowAge !== null, { message: 'a routing rule routes by age: give minAge, belowAge or both', path: ['minAge'] });

export const RoutingSchema = z.strictObject({
  defaultUnit: z.string(),
  /**
   * Where a kommune has one unit for everyone (no `rules`), why it gets the application, in plain
   * Danish and without "du" (it is shown to someone applying for another as well): "fordi
   * kvalitetsstandarden siger, at man søger hos Social og Handicap". `null` where rules route by age:
   * then the site says why from the rule (src/lib/route-reason.ts).
   */
  defaultReason: z
    .string()
    .min(1)
    .refine((s) => !/\b(du|dig|din|dit|dine)\b/i.test(s), 'defaultReason is shown to whoever fills in the form: write it without du, dig, din, dit or dine')
    .nullable(),
  /** The standard's own words naming the unit everyone else goes to, verbatim. */
  defaultQuote: z.string().min(1),
  /**
   * Where sending everyone else to `defaultUnit` is the site's reading rather
   * than the standard's words (Aabenraa: the standard names the unit, not where
   * to apply), the reading, said as one; `null` when the words say it.
   */
  defaultReading: z.string().min(1).nullable(),
  rules: z.array(RoutingRuleSchema),
}).refine((r) => (r.defaultReason === null) === r.rules.length > 0, {
  message: 'defaultReason: give it where there are no rules (one unit for everyone), and null where rules route by age',
  path: ['defaultReason'],
});
export type Routing = z.infer<typeof RoutingSchema>;

/** A committee approval of the standard. `date` is ISO (YYYY-MM-DD) or `null` when not dated. */
export const ApprovalSchema = z.strictObject({
  committee: z.string().min(1),
  date: z.iso.date().nullable(),
});

export const SourceDocumentSchema = z.strictObject({
  title: z.string().min(1),
  approvals: z.array(ApprovalSchema).min(1),
  documentNumber: z.string().min(1).nullable(),
  /** E.g. "Udarbejdet januar 2016, revideret 2018". */
  history: z.string().min(1).nullable(),
  /** Legal basis and guidance the standard cites. */
  legalBasis: z.array(z.string().min(1)).min(1),
  /** Anything the reader must know about the document itself (e.g. the kommune is inferred). */
  note: z.string().min(1).nullable(),
  /** The file in content/sources/ it was written from (for editors and audits). */
  seedFile: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
  /**
   * The document's own headings, word for word and in order: where each quote
   * stands is the last heading before it (src/domain/provenance.ts), which the
   * build writes beside the quote as `quoteSection`.
   */
  sections: z.array(z.string().min(1)).min(1),
});

/**
 * A fact found outside the standard (content/sources/NOTES.md). Shown only marked as such,
 * with its source and date, never mixed into the standard's own facts.
 */
export const OutsideSourceSchema = z.strictObject({
  /** What it is about, e.g. "Telefon og telefontid for Visitation & Understøttelse". */
  topic: z.string().min(1),
  text: z.string().min(1),
  /**
   * `text` in English, held to the same rules as a fact's `textEn`: only where
   * the receipt shows the source (its `processingWeeks`).
   */
  textEn: z.string().min(1).optional(),
  sourceTitle: z.string().min(1),
  url: z.url(),
  /** When the source was dated, in words ("24. marts 2020", "dato ukendt"). */
  sourceDate: z.string().min(1),
  /** What the source is, in a few words for a label ("kommunens hjemmeside"); needed with `unitPhone`. */
  sourceName: z.string().min(1).optional(),
  /**
   * A phone number this source gives for a unit whose standard gives none
   * (Aabenraa): shown with the unit wherever a citizen looks for the number,
   * labelled with `sourceName` and `sourceDate`, never as the standard's.
   */
  unitPhone: z.strictObject({ unit: z.string(), phone: PhoneNumber }).optional(),
  /**
   * The weeks this source gives for a decision on § 85 (a kommune's published
   * processing deadline, retssikkerhedsloven § 3, stk. 2). Where the standard
   * gives no weeks, the receipt counts a date from it, labelled with the
   * source. The text must say "<n> uger" (the content check holds it to that).
   */
  processingWeeks: z.number().int().min(1).optional(),
});

/** A thing the kommune helps with: a VUM theme or the kommune's own indsats. */
export const HelpAreaSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
});

export const KommuneSchema = z
  .strictObject({
    /** "Brønderslev Kommune". */
    name: z.string().min(1),
    /** "Brønderslev" — used in running text ("i Brønderslev"). */
    shortName: z.string().min(1),
    /** Meta description for the standard page. */
    description: z.string().min(20).max(200),
    source: SourceDocumentSchema,
    /** The easy-read summary: five to seven short sentences shown first. */
    kortFortalt: z.array(z.string().min(1)).min(5).max(7),
    /**
     * The same summary in English for the English page: one English sentence
     * for each of `kortFortalt`, in the same order, with every number and phone
     * number as the Danish writes it (the content check holds it to that,
     * `kortFortaltEnProblems` in kommune-content.ts). Danish names in it are
     * marked `<da>…</da>` ("call <da>UngeCentret</da>"). Optional: without it
     * the English page shows Kort fortalt in Danish, marked as Danish.
     */
    kortFortaltEn: z.array(z.string().min(1)).min(1).optional(),
    units: z.array(UnitSchema).min(1),
    routing: RoutingSchema,
    /** Where children and young people under 18 get help, when the standard names a contact. */
    under18: FactSchema.nullable(),
    /** Written applications: postal address, Digital Post etc., as the standard says. */
    howToApply: z.array(FactSchema).min(1),
    /** Who may apply for you (relatives, your doctor, others with your consent); `null` when silent. */
    onBehalf: MaybeFact,
    deadlines: z.strictObject({
      processingTime: MaybeFact,
      /** When the kommune contacts you after the application. */
      firstContact: MaybeFact,
      supportStart: MaybeFact,
      complaintDeadline: MaybeFact,
      /** The kommune's re-assessment (genvurdering) of a complaint. */
      reassessment: MaybeFact,
      followUp: MaybeFact,
    }),
    delivery: z.strictObject({
      hours: MaybeFact,
      providers: MaybeFact,
      freeChoiceOfProvider: FlagSchema,
      group: FlagSchema,
      online: FlagSchema,
      cti: FlagSchema,
      housingFirst: FlagSchema,
      /** Straksforløb, Serviceloven § 82 b (and § 82 a where named). */
      straksforloeb: FlagSchema,
    }),
    cost: z.strictObject({
      free: z.boolean().nullable(),
      text: FactSchema,
      /** What you pay yourself (materials, transport …); `null` when silent. */
      ownExpenses: MaybeFact,
    }),
    eligibility: z.strictObject({
      targetGroup: FactSchema,
      minimumAge: z.number().int().min(0).nullable(),
      minimumAgeFact: MaybeFact,
      housing: MaybeFact,
      /**
       * The kinds of housing the standard names as where the support is given
       * (`eget-hjem`, `almen-botilbud`, `botilbud`); `null` when it does not
       * say. The questionnaire asks where you live only when this is set or
       * Housing First is offered.
       */
      housingTypes: z.array(z.enum(HOUSING_TYPES)).min(1).nullable(),
      ableToChoose: MaybeFact,
      subsidiarity: MaybeFact,
      compensation: MaybeFact,
      participation: MaybeFact,
      diagnosisRequired: FlagSchema,
    }),
    /** What the support does not include; `null` when the standard gives no list. */
    exclusions: z
      .strictObject({
        items: z.array(z.string().min(1)).min(1),
        section: SectionId,
      })
      .nullable(),
    /**
     * Other help the standard says the support does not cover and points
     * elsewhere for. The questionnaire offers "what do you mostly need?" with
     * one answer per fact that is set, and its reasons quote these texts.
     */
    otherHelp: z.strictObject({
      /** Treatment or therapy (e.g. psychological treatment) listed as not included → the health system. */
      treatment: MaybeFact,
      /** Help where others do the tasks for you: personlig og praktisk hjælp, Serviceloven § 83. */
      homeHelp: MaybeFact,
      /** Ledsagelse, Serviceloven § 97 (companion to activities without a pedagogical purpose). */
      companion: MaybeFact,
    }),
    /** The help areas the standard lists (VUM themes or the kommune's own indsatser). */
    helpAreas: z.array(HelpAreaSchema).min(1),
    outsideSources: z.array(OutsideSourceSchema),
  })
  .superRefine((k, ctx) => {
    const ids = new Set(k.units.map((u) => u.id));
    if (ids.size !== k.units.length) {
      ctx.addIssue({ code: 'custom', path: ['units'], message: 'to enheder har samme id' });
    }
    const checkUnit = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) {
        ctx.addIssue({ code: 'custom', path, message: `enheden "${id}" findes ikke i units` });
      }
    };
    checkUnit(k.routing.defaultUnit, ['routing', 'defaultUnit']);
    k.routing.rules.forEach((r, i) => checkUnit(r.unit, ['routing', 'rules', i, 'unit']));
    k.outsideSources.forEach((source, i) => {
      if (!source.unitPhone) return;
      const path = ['outsideSources', i, 'unitPhone'];
      checkUnit(source.unitPhone.unit, [...path, 'unit']);
      if (k.units.find((u) => u.id === source.unitPhone?.unit)?.phone) {
        ctx.addIssue({ code: 'custom', path, message: 'enheden har et telefonnummer i kvalitetsstandarden; det vises i stedet' });
      }
      if (!source.sourceName) ctx.addIssue({ code: 'custom', path: ['outsideSources', i, 'sourceName'], message: 'skal sige, hvor nummeret kommer fra (fx "kommunens hjemmeside")' });
    });
  });

export type Kommune = z.infer<typeof KommuneSchema>;
export type KommuneInput = z.input<typeof KommuneSchema>;

/**
 * Formats zod issues as "<file>: <field.path>: <message>" so a broken content
 * file names itself and the field (the build fails with this text).
 */
export function describeIssues(file: string, error: z.ZodError): string {
  return error.issues
    .flatMap((issue) => {
      // An unknown key (often a typo) is reported on its parent: name the key itself.
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
      return paths.map((path) => `${file}: ${path.length ? path.join('.') : '(rod)'}: ${issue.message}`);
    })
    .join('\n');
}

/** Validates one kommune's frontmatter, throwing an error that names the file and every bad field. */
export function parseKommune(file: string, data: unknown): Kommune {
  const result = KommuneSchema.safeParse(data);
  if (!result.success) throw new Error(`Ugyldigt indhold i ${file}:\n${describeIssues(file, result.error)}`);
  return result.data;
}
