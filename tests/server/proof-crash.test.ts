/**
 * Proof: no acknowledged application is lost when the server is killed
 * (SIGKILL) under load, and no retry is stored twice — on SQLite, and on
 * PostgreSQL when TEST_DATABASE_URL is set (always in CI). The server
 * delivers to a local webhook receiver meanwhile, so kills also fall while
 * deliveries are in flight: after the last restart every acknowledged
 * application has reached the receiver, signed and complete, at least once.
 * A short version for `npm test`; `npm run bench -- --only crash` runs more rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { crashRounds, type CrashReport } from '../support/proof/crash.ts';
import { createTestSchema } from '../support/postgres.ts';
import { describePostgres } from '../support/describe-postgres.ts';
import { openStore, storeConfig } from '../../src/server/store/index.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

/** Three rounds of load and SIGKILL take a few server starts; the time Playwright gave them, where they ran before. */
const PROOF_TIMEOUT = 120_000;

/** Three rounds of load and SIGKILL on the store the environment names, delivering to a local receiver. */
async function threeKills(env: Record<string, string>): Promise<CrashReport & { undelivered: string[]; unsigned: number; mangled: number }> {
  const receiver = await startWebhookReceiver();
  try {
    const report = await crashRounds({
      rounds: 3,
      clients: 6,
      killAfterAcks: [8, 30],
      env: { ...env, DELIVERY_WEBHOOK_URL: receiver.url, DELIVERY_WEBHOOK_SECRET: receiver.secret },
      readStore: async () => {
        const store = openStore(storeConfig(env));
        try {
          return await store.list({});
        } finally {
          await store.close();
        }
      },
      // The restarted server delivers what the kills left pending.
      settle: (references) => receiver.waitFor(() => references.every((r) => receiver.delivered().has(r)), PROOF_TIMEOUT / 2).catch(() => {}),
    });
    const delivered = receiver.delivered();
    // Whole at the receiver too: each application sent was named after its own marker (its description).
    const mangled = receiver.requests.filter((q) => q.body && q.body.data.application.applicant.name !== `Crash ${q.body.data.application.description}`);
    return {
      ...report,
      undelivered: report.references.filter((r) => !delivered.has(r)),
      unsigned: receiver.requests.filter((q) => !q.verified).length,
      mangled: mangled.length,
    };
  } finally {
    await receiver.close();
  }
}

function expectNothingLost(report: CrashReport) {
  expect(report.acknowledged, 'the load reached the server in every round').toBeGreaterThan(3 * 6);
  expect(report.lost).toEqual([]);
  expect(report.duplicated).toEqual([]);
  expect(report.incomplete).toEqual([]);
}

function expectAllDelivered(report: Awaited<ReturnType<typeof threeKills>>) {
  expect(report.undelivered, 'acknowledged but never delivered').toEqual([]);
  expect(report.unsigned).toBe(0);
  expect(report.mangled).toBe(0);
}

it('SQLite: every application answered 201 survives three SIGKILLs under load, exactly once and complete, and reaches the receiver', { timeout: PROOF_TIMEOUT }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-crash-'));
  try {
    const report = await threeKills({ DATA_DIR: dir });
    expectNothingLost(report);
    expectAllDelivered(report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describePostgres('PostgreSQL', () => {
  it('every application answered 201 survives three SIGKILLs under load, exactly once and complete, and reaches the receiver', { timeout: PROOF_TIMEOUT }, async () => {
    const schema = await createTestSchema();
    try {
      const report = await threeKills({ DATABASE_URL: schema.url });
      expectNothingLost(report);
      expectAllDelivered(report);
    } finally {
      await schema.drop();
    }
  });
});
