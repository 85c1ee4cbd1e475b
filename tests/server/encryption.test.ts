/**
 * Encryption at rest on the built server, over real HTTP: with
 * DATA_ENCRYPTION_KEY, an application posted to the API and a no-JavaScript
 * form's answers kept for "Tjek dine svar" reach the SQLite file and its
 * `-wal` only sealed — the bytes on disk hold none of the name, the CPR
 * number or the description — while the receipt, the "Tjek dine svar" page
 * and `npm run ansoegninger -- eksport` (given the same key) show them. The
 * command without the key names the key id instead of showing anything.
 * The store's own tests (tests/support/application-store-contract.ts) cover
 * rotation, tampering and rows moved; this is the whole server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf } from '../../src/server/store/sealed.ts';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';
import { sampleApplication } from '../support/application-store-contract.ts';
import { birthDateForAge, marker } from '../support/applications.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KEY = Buffer.alloc(32, 0x3c);
const KEY_ID = keyIdOf(KEY);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DATA_ENCRYPTION_KEY: KEY.toString('base64') });
});
afterAll(() => server?.stop());

function cli(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ['src/cli/ansoegninger.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined, DATA_ENCRYPTION_KEY: undefined, DATA_ENCRYPTION_OLD_KEYS: undefined, DATA_DIR: server.dataDir, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The SQLite file and its -wal as they are on disk now, the server running. */
function bytesOnDisk(): Buffer {
  const file = join(server.dataDir, 'applications.sqlite');
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

const onDisk = (texts: string[]) => {
  const bytes = bytesOnDisk();
  return texts.filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
};

describe('with DATA_ENCRYPTION_KEY', () => {
  it('says at start that applications are encrypted, with the key id and never the key', () => {
    expect(server.output()).toContain(`Kryptering: ansøgninger og kladder gemmes krypteret (AES-256-GCM) med nøglen ${KEY_ID}.`);
    expect(server.output()).not.toContain(KEY.toString('base64'));
  });

  it('an application posted to the API is on disk only sealed; the receipt and the staff command’s export show it', async () => {
    const description = `Jeg har svær angst og kan ikke åbne min post ${marker()}`;
    const personal = { name: 'Ingeborg Østergaard', cpr: '120401-4321', street: 'Kirsebærvej 17', description };
    const response = await server.request('/api/ansoegninger', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kommune: 'varde',
        applicant: { name: personal.name, cpr: personal.cpr, address: { street: personal.street, postalCode: '6800', city: 'Varde' }, phone: '23456789' },
        needs: ['socialt-liv'],
        description,
        contact: { preferred: 'letter' },
        consentToObtainInformation: true,
      }),
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };

    // Not blind: the reference (not personal) is on disk as it is; nothing the citizen wrote is.
    expect(bytesOnDisk().includes(Buffer.from(reference))).toBe(true);
    expect(onDisk(Object.values(personal))).toEqual([]);

    const receipt = await server.request(`/varde/ansoeg/kvittering/?reference=${reference}`);
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain(reference);

    // Without the key the command shows nothing of it and names the key it needs.
    const keyless = cli(['oversigt'], {});
    expect(keyless.code).toBe(1);
    expect(keyless.stdout).toBe('');
    expect(keyless.stderr).toContain(`er krypteret med nøglen ${KEY_ID}, men der er ingen nøgle sat (DATA_ENCRYPTION_KEY)`);
    expect(keyless.stderr).not.toContain(personal.name);

    const exported = cli(['eksport', '--format', 'jsonl', '--kommune', 'varde'], { DATA_ENCRYPTION_KEY: KEY.toString('base64') });
    expect(exported.stderr).toContain('eksporteret');
    expect(exported.code).toBe(0);
    const line = exported.stdout.split('\n').find((l) => l.includes(reference))!;
    expect(JSON.parse(line).application).toMatchObject({ applicant: { name: personal.name, cpr: personal.cpr }, description });
    // Marking it exported wrote nothing of it in clear text either.
    expect(onDisk(Object.values(personal))).toEqual([]);
  });

  it('the no-JavaScript form’s answers are kept sealed between its pages, and "Tjek dine svar" shows them', async () => {
    const description = `Jeg får hjælp af min søster hver dag ${marker()}`;
    const name = 'Ørnulf Kjærgaard';
    const born = birthDateForAge(40);
    const answers = new URLSearchParams([
      ['kommune', 'varde'], ['lang', 'da'], ['idempotencyKey', `nojs-${marker()}`], ['who', 'self'], ['name', name],
      ['birthDay', born.day], ['birthMonth', born.month], ['birthYear', born.year], ['phone', '12345678'],
      ['needs', 'socialt-liv'], ['description', description], ['contactPreferred', 'phone'], ['consentInformation', 'ja'],
    ]);
    const posted = await server.request('/varde/ansoeg/tjek/', { method: 'POST', headers: { origin: new URL(server.url).origin }, body: answers });
    expect(posted.status).toBe(303);
    const cookie = posted.headers.get('set-cookie')!.split(';')[0]!;
    const check = await server.request(posted.headers.get('location')!, { headers: { cookie } });
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain('<h1>Tjek dine svar</h1>');
    expect(html).toContain(name);
    expect(html).toContain(description);
    expect(onDisk([name, description])).toEqual([]);
  });
});

describe('without DATA_ENCRYPTION_KEY', () => {
  it('says at start that applications are stored unencrypted and how to change it, names rows under a key not given, and answers 503 for a draft under one', async () => {
    const other = Buffer.alloc(32, 0x7a);
    let reference = '';
    // A draft's id is the browser's id and the form's key (form-draft.ts), 43 characters each.
    const [browser, form] = ['b'.repeat(43), 'f'.repeat(43)];
    const plain = await startTestServer({}, async (dataDir) => {
      // A database with one application and one draft sealed under a key this server is not given.
      const store = openSqliteStore({ file: join(dataDir, 'applications.sqlite'), encryption: { key: other, oldKeys: [] } });
      const saved = await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application: sampleApplication('varde') });
      if (saved.kind === 'created') reference = saved.receipt.reference;
      await store.saveFormDraft(`${browser}.${form}`, { kommune: 'varde', data: JSON.stringify({ values: { name: 'Ørnulf Kjærgaard' } }) }, {
        now: new Date(),
        expiresAt: new Date(Date.now() + 60 * 60_000),
      });
      await store.close();
    });
    try {
      expect(plain.output()).toContain(
        'Kryptering: ansøgninger og kladder gemmes UKRYPTERET i databasen. Sæt DATA_ENCRYPTION_KEY til en nøgle (lav den med "openssl rand -base64 32"), genstart, og kør "npm run ansoegninger -- ny-noegle" (README: "Keys").',
      );
      expect(plain.output()).toContain(`Kryptering: 1 ansøgning er krypteret med nøglen ${keyIdOf(other)}, som ikke er givet, og kan ikke læses.`);
      // The receipt holds nothing sealed: it is still found.
      expect((await plain.request(`/varde/ansoeg/kvittering/?reference=${reference}`)).status).toBe(200);
      // The draft cannot be read: "Tjek dine svar" and the form page say so with a 503, never a 500, never garbage.
      for (const page of [`/varde/ansoeg/tjek/?svar=${form}`, `/varde/ansoeg/?svar=${form}`]) {
        const response = await plain.request(page, { headers: { cookie: `stoetteportalen-formular=${browser}` } });
        expect(response.status, page).toBe(503);
        expect(response.headers.get('retry-after'), page).toBe('30');
        expect(await response.text(), page).not.toContain('Kjærgaard');
      }
    } finally {
      await plain.stop();
    }
  });
});
