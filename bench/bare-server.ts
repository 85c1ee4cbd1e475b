/**
 * The baseline for the API benchmark: a bare `node:http` server doing the
 * same essential work as `POST /api/ansoegninger` — read the JSON body
 * (64 KB limit), validate it with the same schema, route it with the same
 * rule, insert it into SQLite with the same store, answer 201 — and nothing
 * else (no Astro, no rate limit, no origin check, no idempotency). The ratio
 * of the real endpoint to this shows what the framework and the safeguards
 * cost. Started by bench/api-load.ts as its own process:
 *
 *   PORT=… DATA_DIR=… node bench/bare-server.ts
 *
 * PORT and DATA_DIR are read as the server reads them (src/lib/config.ts); it
 * listens on loopback only and writes a file of its own in DATA_DIR, never the
 * server's applications.sqlite.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { validateApplication } from '../src/domain/application.ts';
import { routeApplication } from '../src/domain/routing.ts';
import { openSqliteStore } from '../src/server/store/sqlite.ts';
import { config } from '../src/lib/config.ts';
import { known, kommuner } from '../tests/support/kommuner.ts';

const LIMIT = 64 * 1024;
const { port, dataDir } = config();
// One transaction, one fsync, per application: the baseline the server's group commit is measured against.
const store = openSqliteStore({ file: join(dataDir, 'bench-bare.sqlite'), groupCommit: false });

const server = createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (req.method !== 'POST' || req.url !== '/api/ansoegninger') return send(404, { error: 'not found' });
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > LIMIT) {
      send(413, { error: 'too large' });
      req.destroy();
    } else chunks.push(chunk);
  });
  req.on('end', async () => {
    if (size > LIMIT) return;
    let input: unknown;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(400, { error: 'malformed' });
    }
    const now = new Date();
    const valid = validateApplication(input, now, known);
    if (!valid.ok) return send(422, { errors: valid.issues });
    const kommune = kommuner[valid.application.kommune]!;
    const { unit } = routeApplication(kommune, { age: valid.age, receivesEarlyRetirementPension: valid.application.receivesEarlyRetirementPension ?? null });
    try {
      const saved = await store.save({ kommune: valid.application.kommune, unitId: unit.id, receivedAt: now, application: valid.application });
      if (saved.kind !== 'created') return send(500, { error: 'unexpected' });
      send(201, { reference: saved.receipt.reference, kommune: saved.receipt.kommune, unit: { id: unit.id, name: unit.name, phone: unit.phone }, receivedAt: saved.receipt.receivedAt });
    } catch {
      send(503, { error: 'store unavailable' });
    }
  });
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  // The same line as the production server, so tests/support/server.ts finds the port.
  console.log(`Grundlinjen kører på http://127.0.0.1:${typeof address === 'object' && address ? address.port : '?'}/`);
});
process.on('SIGTERM', () => server.close(() => store.close().then(() => process.exit(0))));
