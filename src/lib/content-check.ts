/**
 * The content check (`npm run content:check`, src/cli/check-content.ts): every
 * rule a kommune's content must meet before the site is built from it, with
 * messages an editor can act on (file + field). A kommune is its content file
 * `content/kommuner/<slug>.mdx`; the file name is its slug, its URL segment
 * and its `kommune` value in the API, so the check is all it takes to add one.
 *
 * Checked: the file name is a slug, and not a path the site already has;
 * the frontmatter against the schema; the question headings; links from
 * data to sections; LIX of the body and "Kort fortalt"; the English Kort
 * fortalt, where there is one, against the Danish (a sentence for each, the
 * same numbers and phone numbers in each); the English texts of the
 * receipt's facts (`textEn`), where there are some, against their Danish; the source document
 * exists and holds every `quote` of the content file word for word, and
 * each under one of the document's headings listed in `source.sections`
 * (src/domain/provenance.ts); and, where there is one, the fact list (`<slug>.facts.json`): its
 * form, each quote in the source document and each fact in the content file.
 * Every other file in the folder is named as a mistake.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isKommuneSlug } from '../domain/ids.ts';
import { receiptTexts } from '../domain/facts.ts';
import { FactListSchema, factsFileName, missingFacts, unquotedFacts } from '../domain/kommune-facts.ts';
import { KommuneSchema, describeIssues } from '../domain/kommune.ts';
import { processingWeeksNotInText, quoteSections, quotesIn, unfoundQuotes, unfoundSections, weeksNotInQuote } from '../domain/provenance.ts';
import {
  LIX_LIMIT_BODY,
  LIX_LIMIT_KORT_FORTALT,
  REQUIRED_HEADINGS,
  headingIds,
  englishTextProblems,
  kortFortaltEnProblems,
  misplacedComponents,
  unknownComponents,
  readability,
  readmeLixRow,
  sectionLinks,
  untranslatedReceiptTexts,
} from '../domain/kommune-content.ts';
import { danishSlug } from '../domain/slug.ts';
import { KOMMUNER_DIR, SOURCES_DIR, readFactsFile, readKommuneFiles } from './content-files.ts';

export interface ContentCheck {
  /** What was checked, one line per finding that is not a problem (LIX, sections, facts). */
  notes: string[];
  /** What an editor must fix, each naming its file. */
  problems: string[];
  /** The slugs checked. */
  slugs: string[];
  /** README rows of the LIX table, for `--readme`. */
  lixRows: string[];
}

export interface ContentDirs {
  kommuner: string;
  sources: string;
}

export const PROJECT_CONTENT: ContentDirs = { kommuner: KOMMUNER_DIR, sources: SOURCES_DIR };

const PAGES_DIR = fileURLToPath(new URL('../pages', import.meta.url));
/**
 * Slugs a kommune cannot have: the site's own top-level paths (`/soeg/`,
 * `/en/`, `/api/` …, read from src/pages, so a new page is covered) and the
 * folders the build writes beside the pages.
 */
export function reservedSlugs(): Set<string> {
  // Top-level pages, and those under [...lang]/ (the Danish pages have no prefix); 'en' is the English prefix.
  const top = (dir: string) =>
    readdirSync(dir)
      .filter((name) => !name.startsWith('['))
      .map((name) => name.replace(/\.[a-z]+$/, ''));
  const pages = [...top(PAGES_DIR), ...top(join(PAGES_DIR, '[...lang]'))];
  return new Set([...pages, 'en', '_astro', 'pagefind', 'sitemap', 'robots']);
}

const FACTS_SUFFIX = '.facts.json';

/** Checks the kommuner in `dirs` (all, or only the slugs in `only`). */
export function checkContent(dirs: ContentDirs = PROJECT_CONTENT, only: readonly string[] = []): ContentCheck {
  const notes: string[] = [];
  const problems: string[] = [];
  const lixRows: string[] = [];
  const where = (name: string) => `content/kommuner/${name}`;

  for (const slug of only) {
    if (!existsSync(join(dirs.kommuner, `${slug}.mdx`))) problems.push(`${slug}: ${where(`${slug}.mdx`)} findes ikke`);
  }
  // Every file in the folder is a kommune or a kommune's fact list: anything else is a mistake (a typo in a name).
  const names = readdirSync(dirs.kommuner);
  const reserved = reservedSlugs();
  for (const name of names) {
    if (name.endsWith(FACTS_SUFFIX)) {
      const slug = name.slice(0, -FACTS_SUFFIX.length);
      if (!names.includes(`${slug}.mdx`)) problems.push(`${where(name)}: der er ingen ${slug}.mdx, som faktalisten hører til`);
    } else if (name.endsWith('.mdx')) {
      const slug = name.slice(0, -'.mdx'.length);
      if (!isKommuneSlug(slug)) {
        problems.push(
          `${where(name)}: filnavnet er kommunens adresse og skal være små bogstaver a-z, tal og bindestreg (fx "ringkobing-skjern.mdx"; æ, ø, å skrives ae, oe, aa)`,
        );
      } else if (reserved.has(slug)) {
        problems.push(`${where(name)}: /${slug}/ er allerede en side på sitet; giv filen kommunens navn`);
      }
    } else {
      problems.push(`${where(name)}: kendes ikke; en kommune er <navn>.mdx med en valgfri <navn>${FACTS_SUFFIX}`);
    }
  }

  const files = readKommuneFiles(dirs.kommuner).filter((f) => only.length === 0 || only.includes(f.slug));
  for (const { file, slug, data, body } of files) {
    const parsed = KommuneSchema.safeParse(data);
    if (!parsed.success) problems.push(describeIssues(file, parsed.error));
    const ids = headingIds(body);
    for (const heading of REQUIRED_HEADINGS) {
      if (!ids.includes(danishSlug(heading))) problems.push(`${file}: mangler overskriften "## ${heading}"`);
    }
    for (const problem of misplacedComponents(body)) problems.push(`${file}: ${problem}`);
    if (parsed.success) for (const problem of unknownComponents(body, parsed.data.units.map((u) => u.id))) problems.push(`${file}: ${problem}`);
    for (const link of sectionLinks(data)) {
      if (!ids.includes(link.section)) problems.push(`${file}: ${link.path}: afsnittet "${link.section}" findes ikke i teksten`);
    }
    notes.push(`${slug}: sektioner: ${ids.join(', ')}`);
    if (!parsed.success) continue;

    const r = readability(parsed.data, body);
    notes.push(
      `${slug}: LIX tekst ${r.body.lix} (grænse ${LIX_LIMIT_BODY}, ${r.body.words} ord, ${r.body.sentences} sætninger), Kort fortalt ${r.kortFortalt.lix} (grænse ${LIX_LIMIT_KORT_FORTALT})`,
    );
    lixRows.push(readmeLixRow(parsed.data.name, r.body.lix, r.kortFortalt.lix));
    if (r.body.lix > LIX_LIMIT_BODY) problems.push(`${file}: LIX for teksten er ${r.body.lix}, over ${LIX_LIMIT_BODY}`);
    if (r.kortFortalt.lix > LIX_LIMIT_KORT_FORTALT) problems.push(`${file}: LIX for Kort fortalt er ${r.kortFortalt.lix}, over ${LIX_LIMIT_KORT_FORTALT}`);
    const { kortFortalt, kortFortaltEn } = parsed.data;
    if (kortFortaltEn === undefined) {
      notes.push(`${slug}: ingen kortFortaltEn; den engelske side viser Kort fortalt på dansk (den er valgfri)`);
    } else {
      for (const problem of kortFortaltEnProblems(kortFortalt, kortFortaltEn)) problems.push(`${file}: ${problem}`);
      notes.push(`${slug}: Kort fortalt på engelsk: ${kortFortaltEn.length} sætninger`);
    }
    for (const problem of englishTextProblems(parsed.data)) problems.push(`${file}: ${problem}`);
    const shown = receiptTexts(parsed.data).length;
    const untranslated = untranslatedReceiptTexts(parsed.data);
    notes.push(
      `${slug}: kvitteringen på engelsk: ${shown - untranslated.length} af ${shown} tekster fra kommunens data på engelsk (textEn)` +
        (untranslated.length ? `; dansk for ${untranslated.join(', ')} (textEn er valgfri)` : ''),
    );

    const sourceFile = join(dirs.sources, parsed.data.source.seedFile);
    const source = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : null;
    if (source === null) problems.push(`${file}: source.seedFile: kildedokumentet content/sources/${parsed.data.source.seedFile} findes ikke`);
    else {
      // Every rule and fact shown as the standard's carries its words: each quote must stand in the source.
      const unfound = unfoundQuotes(parsed.data, source);
      for (const { field, quote } of unfound) {
        problems.push(`${file}: ${field}: citatet står ikke ordret i kildedokumentet ${parsed.data.source.seedFile}: "${quote}"`);
      }
      notes.push(`${slug}: citater: ${quotesIn(parsed.data).length - unfound.length} af ${quotesIn(parsed.data).length} fundet ordret i ${parsed.data.source.seedFile}`);
      // Where each quote stands: the document's headings must be found, in order, and each found quote comes after one.
      const { sections } = parsed.data.source;
      for (const heading of unfoundSections(sections, source)) {
        problems.push(`${file}: source.sections.${heading}: overskriften står ikke ordret i ${parsed.data.source.seedFile} efter den forrige`);
      }
      const sectionOf = quoteSections(sections, source);
      const unfoundFields = new Set(unfound.map(({ field }) => field));
      for (const { field, quote } of quotesIn(parsed.data)) {
        if (!unfoundFields.has(field) && sectionOf(quote) === null) {
          problems.push(`${file}: ${field}: citatet står før den første overskrift i source.sections; tilføj overskriften over det`);
        }
      }
      notes.push(`${slug}: afsnit: ${sections.length} overskrifter fra ${parsed.data.source.seedFile}; hvert citat står under en af dem`);
      for (const field of processingWeeksNotInText(parsed.data.outsideSources)) {
        problems.push(`${file}: ${field}: antallet af uger står ikke i kildens tekst ("<antal> uger")`);
      }
      for (const field of weeksNotInQuote(parsed.data)) {
        problems.push(`${file}: ${field}: antallet af uger står ikke i faktummets citat ("<antal> uger")`);
      }
    }

    let facts: ReturnType<typeof readFactsFile>;
    try {
      facts = readFactsFile(dirs.kommuner, slug);
    } catch (error) {
      problems.push(`${where(factsFileName(slug))}: er ikke gyldig JSON (${(error as Error).message})`);
      continue;
    }
    if (facts === null) {
      notes.push(`${slug}: ingen faktaliste (${factsFileName(slug)}); den er valgfri`);
      continue;
    }
    const list = FactListSchema.safeParse(facts.data);
    if (!list.success) {
      problems.push(describeIssues(facts.file, list.error));
      continue;
    }
    if (source !== null) {
      for (const fact of unquotedFacts(list.data.facts, source)) {
        problems.push(`${facts.file}: "${fact}": citatet står ikke i kildedokumentet ${parsed.data.source.seedFile}`);
      }
    }
    // The whole file, frontmatter and body: a fact may be in the data (a phone number) or the text.
    for (const missing of missingFacts(list.data.facts, readFileSync(file, 'utf8'))) {
      problems.push(`${file}: mangler et faktum fra faktalisten: ${missing}`);
    }
    notes.push(`${slug}: faktaliste: ${list.data.facts.length} fakta`);
  }
  return { notes, problems, slugs: files.map((f) => f.slug), lixRows };
}
