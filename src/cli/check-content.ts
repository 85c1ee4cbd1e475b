/**
 * `npm run content:check [-- <slug> …]`: checks kommune content files the way
 * the build and the tests do, and prints what an editor must fix (the rules
 * are in src/lib/content-check.ts): schema errors (file + field), missing
 * question headings, links from data to sections that do not exist, LIX for
 * the body and "Kort fortalt", the English Kort fortalt against the Danish,
 * and the kommune's fact list where it has one.
 * `--readme` also writes the LIX table into README.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../lib/content-check.ts';

const writeReadme = process.argv.includes('--readme');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const { notes, problems, slugs, lixRows } = checkContent(undefined, wanted);

for (const note of notes) console.log(note);
for (const problem of problems) console.error(problem);
const readme = join(import.meta.dirname, '../../README.md');
// A copy of the content without the README (a test's temporary project) has no table to keep.
const readmeText = existsSync(readme) ? readFileSync(readme, 'utf8') : null;
const outdated = readmeText === null ? [] : lixRows.filter((row) => !readmeText.includes(row));
if (outdated.length && !writeReadme && wanted.length === 0) {
  console.log(`README.md: LIX-tabellen mangler eller har en gammel linje for ${outdated.length} kommune(r); kør npm run content:check -- --readme for at opdatere den.`);
}
if (writeReadme && !problems.length && readmeText !== null) {
  const text = readmeText;
  const table = ['| kommune | LIX, the standard | LIX, Kort fortalt |', '|---|---|---|', ...lixRows.sort()].join('\n');
  writeFileSync(readme, text.replace(/(<!-- lix:start -->)[\s\S]*?(<!-- lix:end -->)/, `$1\n${table}\n$2`));
  console.log('README.md: LIX-tabellen er opdateret.');
}
if (problems.length) {
  console.error(`${problems.length} problem(er) fundet`);
  process.exitCode = 1;
} else if (slugs.length) {
  console.log(`Alt er i orden: ${slugs.join(', ')}.`);
}
