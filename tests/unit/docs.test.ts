/**
 * The repository stands on its own: nothing refers to a design file or a
 * tracker a reader cannot see, and every repository path the README,
 * ARCHITECTURE.md and docs/ name in backticks exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

/** Every tracked file (git must be there: this test reads the repository, not a copy of it). */
const tracked = git('ls-files', '-z')
  .split('\0')
  .filter((f) => f && f !== 'package-lock.json' && existsSync(join(root, f)));

/** The founding design file, spelled so that this file does not mention it. */
const OUTSIDE_DESIGN = ['DESIGN', 'md'].join('.');
/** "issue", "Issue #" or "issues" and a number: a tracker a reader of the repository cannot see. */
const TRACKER = /\b[Ii]ssues? #?\d/;

describe('nothing refers outside the repository', () => {
  it('finds tracked files to read', () => {
    expect(tracked).toContain('README.md');
    expect(tracked.length).toBeGreaterThan(100);
  });

  it(`no tracked file mentions ${OUTSIDE_DESIGN} or a numbered issue`, () => {
    const found: string[] = [];
    for (const file of tracked) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line.includes(OUTSIDE_DESIGN) || TRACKER.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});

/** The developer documents whose paths must exist. */
const documents = ['README.md', 'ARCHITECTURE.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Where repository paths start; a path in backticks that starts so must exist. */
const PATH = /^(?:src|tests|content|docs|bench|public|\.ci)\/[^\s]*$/;
/** Placeholders and patterns, not paths: `content/kommuner/<slug>.mdx`, `content/kommuner/*.mdx`, `/en/…`. */
const PLACEHOLDER = /[<>*…{}|$]/;

/** Repository paths written in backticks in a Markdown text (inline code only, not fenced blocks). */
function backtickPaths(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const paths = new Set<string>();
  for (const [, code] of text.matchAll(/`([^`\n]+)`/g)) {
    const candidate = code!.trim();
    if (PATH.test(candidate) && !PLACEHOLDER.test(candidate)) paths.add(candidate);
  }
  return [...paths];
}

/** A path that git ignores (build output, results) is not in a fresh clone, but is a real place to name. */
function ignored(path: string): boolean {
  try {
    git('check-ignore', '-q', '--no-index', path);
    return true;
  } catch {
    return false;
  }
}

describe('backtick paths in the developer documents exist', () => {
  it('reads paths from inline code, not from placeholders or fenced blocks', () => {
    expect(backtickPaths('See `src/domain/age.ts` and `content/kommuner/<slug>.mdx`, `docs/*.md`, `/en/…`.')).toEqual([
      'src/domain/age.ts',
    ]);
    expect(backtickPaths('```\nsrc/nowhere.ts\n```\n`tests/unit/` and `npm test`')).toEqual(['tests/unit/']);
  });

  it.each(documents)('%s', (document) => {
    const paths = backtickPaths(readFileSync(join(root, document), 'utf8'));
    const missing = paths.filter((p) => !existsSync(join(root, p)) && !ignored(p));
    expect(missing).toEqual([]);
  });

  it('ARCHITECTURE.md names files, so the check has something to check', () => {
    expect(backtickPaths(readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8')).length).toBeGreaterThan(50);
  });
});
