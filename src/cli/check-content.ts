/**
 * `npm run content:check [-- <slug> …]`: checks kommune content files the way
 * the build and the tests do, and prints what an editor must fix: schema
 * errors (file + field), missing question headings, links from data to
 * sections that do not exist, and LIX for the body and "Kort fortalt".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KommuneSchema, describeIssues } from '../domain/kommune.ts';
import {
  LIX_LIMIT_BODY,
  LIX_LIMIT_KORT_FORTALT,
  REQUIRED_HEADINGS,
  headingIds,
  readability,
  readmeLixRow,
  sectionLinks,
} from '../domain/kommune-content.ts';
import { danishSlug } from '../domain/slug.ts';
import { readKommuneFiles } from '../lib/content-files.ts';

const dir = join(import.meta.dirname, '../../content/kommuner');
const writeReadme = process.argv.includes('--readme');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readKommuneFiles(dir).filter((f) => wanted.length === 0 || wanted.includes(f.slug));
for (const slug of wanted) {
  if (!existsSync(join(dir, `${slug}.mdx`))) console.error(`${slug}: content/kommuner/${slug}.mdx findes ikke`);
}

let problems = 0;
const lixRows: string[] = [];
for (const { file, slug, data, body } of files) {
  const errors: string[] = [];
  const parsed = KommuneSchema.safeParse(data);
  if (!parsed.success) errors.push(describeIssues(file, parsed.error));
  const ids = headingIds(body);
  for (const heading of REQUIRED_HEADINGS) {
    if (!ids.includes(danishSlug(heading))) errors.push(`${file}: mangler overskriften "## ${heading}"`);
  }
  for (const link of sectionLinks(data)) {
    if (!ids.includes(link.section)) errors.push(`${file}: ${link.path}: afsnittet "${link.section}" findes ikke i teksten`);
  }
  if (parsed.success) {
    const r = readability(parsed.data, body);
    const line = `${slug}: LIX tekst ${r.body.lix} (grænse ${LIX_LIMIT_BODY}, ${r.body.words} ord, ${r.body.sentences} sætninger), Kort fortalt ${r.kortFortalt.lix} (grænse ${LIX_LIMIT_KORT_FORTALT})`;
    console.log(line);
    lixRows.push(readmeLixRow(parsed.data.name, r.body.lix, r.kortFortalt.lix));
    if (r.body.lix > LIX_LIMIT_BODY) errors.push(`${file}: LIX for teksten er ${r.body.lix}, over ${LIX_LIMIT_BODY}`);
    if (r.kortFortalt.lix > LIX_LIMIT_KORT_FORTALT) errors.push(`${file}: LIX for Kort fortalt er ${r.kortFortalt.lix}, over ${LIX_LIMIT_KORT_FORTALT}`);
  }
  console.log(`${slug}: sektioner: ${ids.join(', ')}`);
  for (const e of errors) console.error(e);
  problems += errors.length;
}
if (writeReadme && !problems) {
  const readme = join(import.meta.dirname, '../../README.md');
  const text = readFileSync(readme, 'utf8');
  const table = ['| kommune | LIX, the standard | LIX, Kort fortalt |', '|---|---|---|', ...lixRows.sort()].join('\n');
  writeFileSync(readme, text.replace(/(<!-- lix:start -->)[\s\S]*?(<!-- lix:end -->)/, `$1\n${table}\n$2`));
  console.log('README.md: LIX-tabellen er opdateret.');
}
if (problems) {
  console.error(`${problems} problem(er) fundet`);
  process.exitCode = 1;
} else if (files.length) {
  console.log('Alt er i orden.');
}

