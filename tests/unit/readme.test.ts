import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseKommune } from '../../src/domain/kommune.ts';
import { readability, readmeLixRow } from '../../src/domain/kommune-content.ts';
import { readKommuneFiles } from '../../src/lib/content-files.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const files = readKommuneFiles(fileURLToPath(new URL('../../content/kommuner', import.meta.url)));

describe('the README shows the current LIX of every kommune (npm run content:check -- --readme)', () => {
  it.each(files.map((f) => [f.slug, f]))('%s', (_, { file, data, body }) => {
    const kommune = parseKommune(file, data);
    const r = readability(kommune, body);
    expect(readme).toContain(readmeLixRow(kommune.name, r.body.lix, r.kortFortalt.lix));
  });
});
