import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientError, logBodyProblems, reasonPhrases, refusal, refusalFor, sendRefusal } from './http-guard.ts';

describe('refusal: the answers the wrapper gives itself', () => {
  it('a page: 405 with Allow GET, HEAD, POST, in the page’s language, with the security headers, never cached', () => {
    const da = refusal('method', '/bronderslev/ansoeg/?svar=x', 'en');
    expect(da.status).toBe(405);
    expect(da.headers).toMatchObject({ Allow: 'GET, HEAD, POST', 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    expect(da.headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(da.body).toBe('Siden kan kun hentes med GET eller HEAD og sendes med POST.\n');
    expect(refusal('method', '/en/bronderslev/', null).body).toBe('This page can only be fetched with GET or HEAD and sent with POST.\n');
    expect(refusal('method', '/en', null).body).toMatch(/^This page/);
    expect(refusal('method', '/english/', null).body).toMatch(/^Siden/);
  });

  it('the API: 405 with Allow POST, in the one error shape, Danish or English by Accept-Language', () => {
    const en = refusal('method', '/api/ansoegninger', 'en-GB,en;q=0.9');
    expect(en.status).toBe(405);
    expect(en.headers).toMatchObject({ Allow: 'POST', 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    expect(JSON.parse(en.body)).toEqual({ errors: [{ path: '', message: 'Use POST to send an application.' }] });
    expect(JSON.parse(refusal('method', '/api/ansoegninger/', null).body)).toEqual({ errors: [{ path: '', message: 'Brug POST for at sende en ansøgning.' }] });
  });

  it('two Host headers: 400, without Allow', () => {
    const page = refusal('duplicateHost', '/', null);
    expect(page.status).toBe(400);
    expect(page.headers.Allow).toBeUndefined();
    expect(page.body).toBe('Forespørgslen har mere end ét Host-felt. Send den med ét.\n');
    expect(JSON.parse(refusal('duplicateHost', '/api/ansoegninger', 'en').body)).toEqual({ errors: [{ path: '', message: 'The request has more than one Host header. Send it with one.' }] });
  });
});

/** A server with the guard's parts and a handler that answers as Astro may: a status with a wrong status text. */
let server: Server | null = null;
let logs: string[] = [];
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function start(handler: (status: number, res: import('node:http').ServerResponse) => void): Promise<number> {
  logs = [];
  server = createServer((req, res) => {
    reasonPhrases(res);
    logBodyProblems(req, res, (line) => logs.push(line));
    const refused = refusalFor(req);
    if (refused) return sendRefusal(res, refused);
    handler(Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200), res);
  });
  server.on('clientError', (error: Error, socket: Socket) => answerClientError(error, socket));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends raw bytes and gives back all the server wrote before closing. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('on the wire', () => {
  it('the reason phrase is always the status’s own, whatever status text a handler set', async () => {
    const port = await start((status, res) => {
      res.statusMessage = 'OK';
      res.writeHead(status, 'OK', { Connection: 'close' });
      res.end();
    });
    for (const [status, phrase] of [[200, 'OK'], [303, 'See Other'], [404, 'Not Found'], [413, 'Payload Too Large'], [422, 'Unprocessable Entity'], [503, 'Service Unavailable']] as const) {
      expect(await raw(port, `GET /?status=${status} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).toMatch(new RegExp(`^HTTP/1\\.1 ${status} ${phrase}\\r\\n`));
    }
    // Also when the status is set and the head written implicitly.
    server!.removeAllListeners('request');
    server!.on('request', (req, res) => {
      reasonPhrases(res);
      res.statusCode = 422;
      res.statusMessage = 'OK';
      res.end('x');
    });
    expect(await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 422 Unprocessable Entity\r\n/);
  });

  it('TRACE and a method Node does not know (FOO) are 405 with Allow and the security headers; two Host headers are 400', async () => {
    const port = await start((_, res) => res.end('handled'));
    const trace = await raw(port, 'TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(trace).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(trace).toMatch(/\r\nAllow: GET, HEAD, POST\r\n/);
    const foo = await raw(port, 'FOO /api/ansoegninger HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n');
    expect(foo).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(foo).toMatch(/\r\nAllow: POST\r\n/);
    expect(foo).toMatch(/\r\nContent-Security-Policy: default-src 'self'/);
    expect(foo).toMatch(/\r\nConnection: close\r\n/);
    expect(foo.split('\r\n\r\n')[1]).toBe('{"errors":[{"path":"","message":"Use POST to send an application."}]}');
    const hosts = await raw(port, 'GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n');
    expect(hosts).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(hosts).not.toContain('handled');
    expect(await raw(port, 'GET / HTTP/1.1\r\nHost: a.example\r\nConnection: close\r\n\r\n')).toContain('handled');
  });

  it('a request Node’s parser refuses otherwise gets what Node would answer, with the security headers', async () => {
    const port = await start((_, res) => res.end());
    const broken = await raw(port, 'GET / HTTP/1.1\r\nHost x\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(broken).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/);
  });

  it('a body over the limit (413) and a body cut off are one line each in the log, with the method and path only', async () => {
    const port = await start((status, res) => {
      if (status === 413) {
        res.writeHead(413, { Connection: 'close' });
        res.end();
        return;
      }
      // Reads the body; the client goes away before it is all there.
      res.req.resume();
    });
    await raw(port, 'POST /api/ansoegninger?status=413&navn=Sofie HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc');
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('POST /bronderslev/ansoeg/tjek/?svar=k HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nname=Sofie'));
      server!.once('request', (req) => {
        req.once('data', () => socket.destroy());
        req.once('close', () => setImmediate(resolve));
      });
    });
    expect(logs).toEqual([
      'Forespørgsel afvist: indholdet var for stort (413, POST /api/ansoegninger).',
      'Forespørgsel afbrudt: forbindelsen lukkede, før hele indholdet var modtaget (POST /bronderslev/ansoeg/tjek/).',
    ]);
  });
});
