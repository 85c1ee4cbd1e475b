import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseKommune } from '../../src/domain/kommune.ts';
import { readability, readmeLixRow } from '../../src/domain/kommune-content.ts';
import { KOMMUNER_DIR, readKommuneFiles } from '../../src/lib/content-files.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const table = /<!-- lix:start -->([\s\S]*?)<!-- lix:end -->/.exec(readme)?.[1] ?? '';
const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| kommune |'));
const current = new Map(
  readKommuneFiles(KOMMUNER_DIR).map(({ file, data, body }) => {
    const kommune = parseKommune(file, data);
    const r = readability(kommune, body);
    return [kommune.name, readmeLixRow(kommune.name, r.body.lix, r.kortFortalt.lix)];
  }),
);

// A kommune added since the table was written may lack its row until `npm run content:check -- --readme`
// is run (the check says so); a row that is there must be a kommune's, and current.
describe('the README shows the current LIX of the kommuner (npm run content:check -- --readme)', () => {
  it('has a table with rows', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows.map((row) => [row.split(' | ')[0]!.slice(2), row]))('%s', (name, row) => {
    expect(current.get(name), `no content file has the name ${name}`).toBeDefined();
    expect(row).toBe(current.get(name));
  });
});
