/**
 * The production server: Astro's standalone handler (static pages, assets,
 * API routes) behind a plain node:http server that puts the security headers
 * on every response — pages, assets, 404s and the API alike. The adapter's
 * own `staticHeaders` only covers prerendered pages, hence this wrapper.
 * It also answers what Astro should never see (a method the site does not
 * take: 405; two Host headers: 400), keeps every status line's reason phrase
 * the standard one, and logs a body over the limit or cut off in one line
 * (http-guard.ts). Text answers go compressed (Brotli or gzip) and the
 * build's hashed files under /_astro/ are cached for a year (transfer.ts).
 *
 *   npm start            build, then serve on http://localhost:4321
 *   PORT=8080 HOST=0.0.0.0 npm run serve
 *
 * The settings (src/lib/config.ts) are read first: a variable with a wrong
 * value stops the start with a message naming it.
 *
 * Beside the requests, the delivery worker (src/server/delivery/) hands each
 * stored application to the destinations set up (DELIVERY_*), on a store of
 * its own so that deliveries never hold up citizens' requests.
 *
 * JSON posts to `/api/ansoegninger` are answered here too, before Astro, by the
 * route's own function (src/server/applications/fast-path.ts): the same
 * answers without the per-request pipeline's cost.
 *
 * For the operator: `GET /healthz` and `GET /readyz` are answered here, before
 * Astro (src/server/health-endpoints.ts); the store is watched at start and
 * every 10 minutes (src/server/store-monitor.ts: a damaged or missing
 * database refuses applications with 503, one log line); with METRICS_PORT
 * set, Prometheus metrics are served on a listener of their own
 * (src/server/metrics.ts), loopback by default.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from './security-headers.ts';
import { answerClientError, logBodyProblems, reasonPhrases, refusal, refusalFor, sendRefusal, writeRawRefusal } from './http-guard.ts';
import { applicationsApiPath } from '../domain/paths.ts';
import { ConfigError, config, type Config } from '../lib/config.ts';
import { describeEncryption, describeStore, keyUseWarnings, openStore } from './store/index.ts';
import { deliveryProblems } from '../lib/delivery-config.ts';
import { readKommuner } from '../lib/content-files.ts';
import { createDestinations, describeSetup } from './delivery/destinations.ts';
import { threadedDocuments } from './delivery/documents.ts';
import { DEFAULT_CONCURRENCY, startDeliveryWorker, type DeliveryWorker } from './delivery/worker.ts';
import { onApplicationStored } from './delivery/signal.ts';
import { clientAddress, compileTrust, requestClients } from './client-address.ts';
import { createStoreMonitor } from './store-monitor.ts';
import { healthAnswer, isHealthTarget } from './health-endpoints.ts';
import { createMetrics } from './metrics.ts';
import { onMetric } from './metric-events.ts';
import { routeName } from './route-names.ts';
import { applicationStore } from './store/index.ts';
import { sharedLimiter } from './rate-limit.ts';
import { knownKommuner } from '../domain/help-areas.ts';
import { applicationsFastPath, takesFastPath } from './applications/fast-path.ts';
import { withTransfer } from './transfer.ts';

let settings: Config;
try {
  settings = config();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Forkert opsætning, serveren starter ikke:\n${error.message}`);
  process.exit(1);
}
const { port, host } = settings;

// The destinations must name kommuner and units there are (the content files), each its own id.
const kommuner = readKommuner();
const setupProblems = deliveryProblems(settings.delivery.destinations, kommuner);
if (setupProblems.length) {
  console.error(`Forkert opsætning af leveringen, serveren starter ikke:\n${setupProblems.join('\n')}`);
  process.exit(1);
}

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entry = new URL('../../dist/server/entry.mjs', import.meta.url);

let handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
try {
  ({ handler } = await import(entry.href));
} catch (error) {
  console.error(`Kan ikke finde den byggede side i ${fileURLToPath(entry)}. Kør "npm run build" først.`);
  throw error;
}

// JSON posts to the application endpoint, answered before Astro by the route's own function (fast-path.ts).
const known = knownKommuner(Object.entries(kommuner));
const fastPath = applicationsFastPath(
  {
    store: applicationStore,
    kommuner: async () => known,
    kommune: async (slug) => (Object.hasOwn(kommuner, slug) ? kommuner[slug] : undefined),
    now: () => new Date(),
    limiter: sharedLimiter('applications', settings.rateLimit, settings.store),
    log: (message) => console.log(`[ansøgninger] ${message}`),
    secureCookies: settings.siteUrl.startsWith('https://'),
  },
  { port, log: (line) => console.error(line) },
);

const headers = Object.entries(securityHeaders());
const trust = compileTrust(settings.trustedProxies);
// Behind a proxy without TRUSTED_PROXIES, every request comes from the proxy: all citizens would share one limit.
console.log(
  settings.trustedProxies.length
    ? `Klientadresser: X-Forwarded-For læses kun fra ${settings.trustedProxies.join(', ')} (TRUSTED_PROXIES).`
    : 'Klientadresser: forbindelsens egen adresse (TRUSTED_PROXIES er ikke sat). Står serveren bag en proxy eller load balancer, så sæt TRUSTED_PROXIES, ellers deler alle brugere én grænse.',
);
// Encryption at rest: the key id written with, or (a warning) that applications are stored unencrypted.
(settings.store.encryption ? console.log : console.warn)(describeEncryption(settings.store));
console.log(
  `Grænser: ${settings.rateLimit.capacity}/${settings.rateLimit.windowSeconds} for ansøgninger, ${settings.receiptRateLimit.capacity}/${settings.receiptRateLimit.windowSeconds} for kvitteringer pr. klient, ${
    settings.store.kind === 'postgres' ? 'talt i PostgreSQL, fælles for alle processer' : 'talt i denne proces'
  }.`,
);

/** A store for a one-off look at start, or `null` when it cannot be opened (the monitor says why). */
function openStoreQuietly(): ReturnType<typeof openStore> | null {
  try {
    return openStore(settings.store, { poolSize: 1 });
  } catch {
    return null;
  }
}

/**
 * Before taking requests: open the store once, bring its schema up to date
 * (with PostgreSQL, processes starting together take turns under an advisory
 * lock) and check it (SQLite: `PRAGMA quick_check`); one log line says how it
 * went. If it cannot be reached (a database not up yet, a disk not mounted),
 * the server still starts: applications get 503 and each request tries the
 * store again, so it heals when the database comes up. If it is damaged, or
 * its file is missing or empty where a database existed, applications get
 * 503 until a later check (every 10 minutes) finds it whole.
 */
const monitor = createStoreMonitor({
  // One connection is enough for its check and the readiness query (PostgreSQL: beside the requests' pool and the worker's).
  open: () => openStore(settings.store, { poolSize: 1 }),
  where: describeStore(settings.store),
  log: (line) => console.log(line),
  alert: (line) => console.error(line),
});
await monitor.start();

// Rows under a key this process is not given (removed too early) cannot be read, and rows not yet under the
// current key wait for `ny-noegle`: said once, at start (counts and key ids only). A store that cannot be
// asked now was reported by the monitor above.
{
  const store = openStoreQuietly();
  try {
    for (const line of keyUseWarnings((await store?.keyUse()) ?? [], settings.store)) console.warn(line);
  } catch {
    // Reported above.
  } finally {
    await store?.close();
  }
}

const metrics = settings.metrics ? createMetrics() : null;
if (metrics) onMetric(metrics.record);

/** Starts delivering, or says that the case team fetches applications with the export command. */
function startDelivery(): DeliveryWorker | null {
  const setup = settings.delivery.destinations;
  if (!setup.length) {
    console.log('Levering: ingen destination er sat op (DELIVERY_*). Sagsbehandlerne henter ansøgningerne med "npm run ansoegninger -- eksport".');
    return null;
  }
  // The PDFs are made in a worker thread: a delivery never holds up the requests this thread serves.
  const documents = threadedDocuments();
  const destinations = createDestinations(setup, kommuner, documents);
  for (const line of describeSetup(setup, destinations)) console.log(`Levering: ${line}`);
  for (const d of setup) {
    if (d.type === 'webhook' && new URL(d.url).protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(new URL(d.url).hostname)) {
      console.warn(`Levering: ${d.id} bruger http:// uden TLS; ansøgningerne rummer personoplysninger. Brug https://.`);
    }
  }
  // Opened on first use and again after a failure, like the requests' store: a disk mounted late or a
  // database that starts after the server heals without a restart (meanwhile the worker logs one line).
  let store: ReturnType<typeof openStore> | null = null;
  const worker = startDeliveryWorker({
    store: { workDelivery: (...args) => (store ??= openStore(settings.store, { poolSize: DEFAULT_CONCURRENCY + 1 })).workDelivery(...args) },
    destinations,
    log: (line) => console.log(line),
    alert: (line) => console.error(line),
    onAttempt: metrics ? metrics.deliveryAttempt : undefined,
  });
  onApplicationStored(worker.wake);
  return {
    wake: worker.wake,
    // Stopped: the attempts under way are recorded, then the destinations and the worker's store are closed.
    stop: async () => {
      await worker.stop();
      await Promise.allSettled([...destinations.values()].map((d) => d.close?.()));
      await documents.close();
      await store?.close();
    },
  };
}
const delivery = startDelivery();

/** `/healthz` and `/readyz`, before Astro. */
async function answerHealth(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const answer = await healthAnswer(req.method ?? 'GET', req.url ?? '/', async () => (await monitor.inspect()).readiness);
    res.writeHead(answer.status, answer.headers).end(answer.body);
  } catch {
    // The monitor catches the store's failures; anything else is still an answer, never a hung check.
    if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? '' : JSON.stringify({ status: 'unavailable' }));
  }
}

const server = createServer((req, res) => {
  reasonPhrases(res);
  logBodyProblems(req, res, (line) => console.log(line));
  // A method the site does not take (TRACE, PUT, …) or two Host headers: answered here, Astro never sees them (http-guard.ts).
  const refused = refusalFor(req);
  if (refused) return sendRefusal(res, refused);
  for (const [name, value] of headers) res.setHeader(name, value);
  if (metrics) {
    const route = routeName(req.url ?? '/');
    res.once('finish', () => metrics.answered(route, res.statusCode));
  }
  if (isHealthTarget(req.url ?? '/')) {
    void answerHealth(req, res);
    return;
  }
  if (req.url?.startsWith('/api/')) {
    // Every API answer, including Astro's own 403 for cross-site form posts.
    res.setHeader('Cache-Control', 'no-store');
    if (takesFastPath(req)) {
      const client = clientAddress(forwardedFor(req), req.socket.remoteAddress, trust);
      requestClients.run(client, () => void fastPath.answer(req, res, client));
      return;
    }
    // The contract's path has no trailing slash (ARCHITECTURE.md); Astro's trailingSlash: 'always'
    // would answer it with a 308, which clients that do not follow redirects would not get past.
    if (req.url === applicationsApiPath || req.url.startsWith(`${applicationsApiPath}?`)) req.url = req.url.replace(applicationsApiPath, `${applicationsApiPath}/`);
  }
  // The client the rate limits count, from the socket itself (client-address.ts): the pages read it from here.
  const client = clientAddress(forwardedFor(req), req.socket.remoteAddress, trust);
  // Text answers compressed, the build's hashed files cached for a year (transfer.ts).
  withTransfer(req, res, () => requestClients.run(client, () => handler(req, res)));
});

function forwardedFor(req: IncomingMessage): string | undefined {
  const header = req.headers['x-forwarded-for'];
  return Array.isArray(header) ? header.join(',') : header;
}

// A request Node's parser refuses (an unknown method such as FOO: 405 like TRACE), and CONNECT, which never reaches the handler.
server.on('clientError', (error: Error, socket: Socket) => answerClientError(error, socket));
server.on('connect', (req, socket: Socket) => writeRawRefusal(socket, refusal('method', req.url ?? '/', req.headers['accept-language'] ?? null)));
/**
 * The metrics for Prometheus, on a listener of their own (METRICS_PORT), on
 * loopback unless METRICS_HOST says otherwise: never on the site's port,
 * which the internet reaches. Only `GET /metrics`.
 */
const metricsServer = metrics
  ? createServer((req, res) => {
      const path = (req.url ?? '/').split('?', 1)[0];
      if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(path === '/metrics' ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8', ...(path === '/metrics' ? { Allow: 'GET, HEAD' } : {}) });
        res.end(path === '/metrics' ? 'Kun GET og HEAD.\n' : 'Målingerne er på /metrics.\n');
        return;
      }
      void (async () => {
        try {
          metrics.inspected(await monitor.inspect());
          const text = await metrics.text();
          res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).end(req.method === 'HEAD' ? '' : text);
        } catch (error) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Målingerne kunne ikke samles: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      })();
    })
  : null;
if (metricsServer && settings.metrics) {
  const { port: mPort, host: mHost } = settings.metrics;
  metricsServer.once('error', (error: NodeJS.ErrnoException) => {
    console.error(`Kan ikke lytte på METRICS_PORT ${mPort} (${mHost}): ${error.code ?? error.message}. Serveren stopper; ret METRICS_PORT, eller fjern den.`);
    process.exit(1);
  });
  // Listening before the site does: when the site is up, so are its metrics.
  await new Promise<void>((resolve) => metricsServer.listen(mPort, mHost, resolve));
  const address = metricsServer.address();
  const bound = typeof address === 'object' && address ? address.port : mPort;
  console.log(`Målinger (Prometheus) på http://${mHost.includes(':') ? `[${mHost}]` : mHost}:${bound}/metrics`);
} else {
  console.log('Målinger: ingen (METRICS_PORT er ikke sat).');
}

server.listen(port, host, () => {
  // The port actually bound (PORT=0 picks a free one; tests use that).
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(`Støtteportalen kører på http://${host.includes(':') ? `[${host}]` : host}:${bound}/`);
});

function shutdown(signal: string) {
  console.log(`${signal}: lukker serveren`);
  // Deliveries under way finish and are recorded (an interrupted one is simply delivered again after the restart).
  const stopped = Promise.all([delivery?.stop(), monitor.stop()]);
  metricsServer?.close();
  metricsServer?.closeIdleConnections();
  server.close(() => void stopped.finally(() => process.exit(0)));
  // Idle keep-alive connections must not hold the shutdown open.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
