/**
 * `npm run proof:new-kommune`: the whole proof that a kommune is one content
 * file. In a temporary copy of the project, `content/kommuner/varde.mdx` is
 * copied to `testby.mdx` with another name (and its fact list beside it), and
 * nothing else is touched. Then, in the copy:
 *   1. `npm run content:check` passes;
 *   2. `npm run build` builds the testby pages (Danish and English standard,
 *      contact and questionnaire pages), and the front page, the compare
 *      page and the sitemap list testby;
 *   3. the built server accepts `POST /api/ansoegninger` with
 *      `kommune: "testby"` (201, routed to the unit of its content file) and
 *      serves the server-rendered form page `/testby/ansoeg/`.
 * The copy is deleted afterwards. A full build takes minutes on two cores,
 * so this is not part of `npm test`; tests/unit/new-kommune.test.ts proves
 * the content check, the submit path and the collection in seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TESTBY, addKommune, copyProject } from '../support/new-kommune.ts';
import { startServer } from '../support/server.ts';

const failures: string[] = [];
function check(ok: boolean, what: string) {
  console.log(`${ok ? 'ok  ' : 'FEJL'} ${what}`);
  if (!ok) failures.push(what);
}

function run(dir: string, script: string): { ok: boolean; output: string } {
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

const dir = copyProject('stoette-new-kommune-');
const data = mkdtempSync(join(tmpdir(), 'stoette-new-kommune-data-'));
const { slug } = TESTBY;
try {
  addKommune(join(dir, 'content/kommuner'), TESTBY);
  console.log(`${dir}: content/kommuner/${slug}.mdx (kopi af ${TESTBY.from}.mdx) og ${slug}.facts.json tilføjet`);

  const content = run(dir, 'content:check');
  check(content.ok && content.output.includes(`${slug}: faktaliste:`), 'npm run content:check godtager testby og dens faktaliste');
  if (!content.ok) console.error(content.output);

  const started = performance.now();
  const build = run(dir, 'build');
  check(build.ok, `npm run build (${Math.round((performance.now() - started) / 1000)} s)`);
  if (!build.ok) throw new Error(build.output);

  const client = join(dir, 'dist/client');
  for (const page of [`${slug}/`, `${slug}/kontakt/`, `${slug}/kan-jeg-faa-stoette/`, `en/${slug}/`, `en/${slug}/kontakt/`, `en/${slug}/kan-jeg-faa-stoette/`]) {
    check(existsSync(join(client, page, 'index.html')), `siden /${page} er bygget`);
  }
  const html = (page: string) => readFileSync(join(client, page, 'index.html'), 'utf8');
  check(html(`${slug}/`).includes('Testby Kommune'), `/${slug}/ hedder Testby Kommune`);
  check(html('').includes(`href="/${slug}/"`), `forsiden linker til /${slug}/`);
  check(html('sammenlign/').includes('Testby'), 'sammenligningen har Testby med');
  const sitemap = ['sitemap.xml', 'sitemap-0.xml', 'sitemap-index.xml'].map((f) => join(client, f)).filter(existsSync);
  check(sitemap.some((f) => readFileSync(f, 'utf8').includes(`/${slug}/`)), `sitemap nævner /${slug}/`);

  const server = await startServer({ DATA_DIR: data }, join(dir, 'src/server/main.ts'));
  try {
    const form = await fetch(`${server.url}/${slug}/ansoeg/`);
    check(form.status === 200 && (await form.text()).includes('Testby'), `/${slug}/ansoeg/ svarer 200 (server-renderet)`);
    const response = await fetch(`${server.url}/api/ansoegninger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kommune: slug,
        applicant: { name: 'Sofie Jensen', birthDate: '2001-04-12', phone: '12345678' },
        description: 'Jeg har svært ved at åbne min post.',
        contact: { preferred: 'phone' },
        consentToObtainInformation: true,
      }),
    });
    const answer = (await response.json()) as { kommune?: string; unit?: { id: string } };
    check(response.status === 201 && answer.kommune === slug && answer.unit?.id === 'social-og-handicap', `POST /api/ansoegninger med kommune "${slug}" giver 201 (${response.status} ${JSON.stringify(answer)})`);
    const unknown = await fetch(`${server.url}/api/ansoegninger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kommune: 'aarhus' }),
    });
    const errors = JSON.stringify(await unknown.json());
    check(unknown.status === 422 && errors.includes(slug), `en ukendt kommune giver 422 med ${slug} blandt kommunerne`);
  } finally {
    await server.stop();
  }
} catch (error) {
  failures.push(String(error));
  console.error(error);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} fejl`);
  process.exitCode = 1;
} else {
  console.log(`\nEn ny kommune er én indholdsfil: ${slug} er bygget og godtaget af API'et.`);
}
