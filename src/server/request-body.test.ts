import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { duplicateKey, keysWritten, mediaType, parseJsonObject, postedFromNode, readBodyText } from './request-body.ts';

/** A POST whose body arrives in these chunks; `pulled` counts the chunks the reader asked for. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  const state = { pulled: 0 };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) {
        state.pulled++;
        controller.enqueue(chunks[i++]!);
      } else controller.close();
    },
  }, { highWaterMark: 0 }); // nothing is pulled before the reader asks
  const request = new Request('http://localhost/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, state };
}
const bytes = (text: string) => new TextEncoder().encode(text);

/** A Node request as the server gets it, its headers given; its body is pushed by the test. */
function nodeRequest(headers: Record<string, string | string[]> = {}) {
  const req = new IncomingMessage(new Socket());
  req.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return req;
}

describe('reading a Node request as the endpoint does (the server’s fast path), with the same answers', () => {
  it('reads a body within the limit, split UTF-8 too, once it has all come', async () => {
    const req = nodeRequest();
    const body = postedFromNode(req).readBody(10);
    const ae = Buffer.from('æ');
    for (const chunk of [Buffer.from('"'), ae.subarray(0, 1), ae.subarray(1), Buffer.from('"')]) req.push(chunk);
    req.push(null);
    expect(await body).toEqual({ ok: true, text: '"æ"' });
  });

  it('refuses a declared length over the limit without reading, and stops reading once the limit is passed', async () => {
    const declared = nodeRequest({ 'content-length': '100' });
    declared.push(Buffer.from('x'.repeat(100)));
    expect(await postedFromNode(declared).readBody(10)).toEqual({ ok: false, reason: 'too-large' });
    expect(declared.readableLength).toBe(100); // never read
    const undeclared = nodeRequest();
    const body = postedFromNode(undeclared).readBody(4 * 1024);
    for (let i = 0; i < 5; i++) undeclared.push(Buffer.from('x'.repeat(1024)));
    expect(await body).toEqual({ ok: false, reason: 'too-large' });
    expect(undeclared.isPaused()).toBe(true);
  });

  it('bytes that are not UTF-8, a connection closed halfway, and no body at all', async () => {
    const latin1 = nodeRequest();
    const notUtf8 = postedFromNode(latin1).readBody(100);
    latin1.push(Buffer.from([0x22, 0xe6, 0x22]));
    latin1.push(null);
    expect(await notUtf8).toEqual({ ok: false, reason: 'not-utf8' });

    const cut = nodeRequest();
    const aborted = postedFromNode(cut).readBody(100);
    cut.push(Buffer.from('{"kommune":'));
    cut.destroy();
    expect(await aborted).toEqual({ ok: false, reason: 'aborted' });

    const gone = nodeRequest();
    gone.destroy();
    expect(await postedFromNode(gone).readBody(100)).toEqual({ ok: false, reason: 'aborted' });

    const empty = nodeRequest();
    const nothing = postedFromNode(empty).readBody(10);
    empty.push(null);
    expect(await nothing).toEqual({ ok: true, text: '' });
  });

  it('headers as a web Headers object gives them: any case, missing is null, one sent twice joined', () => {
    const { headers } = postedFromNode(nodeRequest({ Origin: 'https://a.example', 'x-forwarded-for': ['192.0.2.1', '192.0.2.2'] }));
    expect(headers.get('origin')).toBe('https://a.example');
    expect(headers.get('Origin')).toBe('https://a.example');
    expect(headers.get('x-forwarded-for')).toBe('192.0.2.1, 192.0.2.2');
    expect(headers.get('referer')).toBeNull();
  });
});

describe('reading a request body with a byte limit', () => {
  it('reads a body within the limit, also one exactly at it', async () => {
    expect(await readBodyText(new Request('http://localhost/', { method: 'POST', body: '{"a":1}' }), 7)).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const { request, state } = streamed([bytes('x'.repeat(100))], { 'content-length': '100' });
    expect(await readBodyText(request, 10)).toEqual({ ok: false, reason: 'too-large' });
    expect(state.pulled).toBe(0);
  });

  it('stops reading a body without a Content-Length as soon as it passes the limit', async () => {
    const { request, state } = streamed(Array.from({ length: 100 }, () => bytes('x'.repeat(1024))));
    expect(await readBodyText(request, 4 * 1024)).toEqual({ ok: false, reason: 'too-large' });
    // The fifth chunk passes the limit; the other 95 are never asked for.
    expect(state.pulled).toBe(5);
  });

  it('decodes UTF-8 split across chunks, and refuses bytes that are not UTF-8', async () => {
    const ae = bytes('æ'); // two bytes
    const split = streamed([bytes('"'), ae.slice(0, 1), ae.slice(1), bytes('"')]);
    expect(await readBodyText(split.request, 100)).toEqual({ ok: true, text: '"æ"' });
    const latin1 = streamed([new Uint8Array([0x22, 0xe6, 0x22])]);
    expect(await readBodyText(latin1.request, 100)).toEqual({ ok: false, reason: 'not-utf8' });
  });

  it('a body the client stops sending halfway (the connection closed) is an answer, not an exception', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(bytes('{"kommune":'));
        } else controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });
    const request = new Request('http://localhost/api', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readBodyText(request, 1000)).toEqual({ ok: false, reason: 'aborted' });
  });

  it('a request without a body is the empty text', async () => {
    expect(await readBodyText(new Request('http://localhost/', { method: 'POST' }), 10)).toEqual({ ok: true, text: '' });
  });
});

describe('parsing a JSON body that must be an object', () => {
  it('gives the object', () => {
    expect(parseJsonObject('{"kommune":"varde","needs":["sundhed"]}')).toEqual({ ok: true, value: { kommune: 'varde', needs: ['sundhed'] } });
  });

  it('refuses broken JSON, and JSON that is not an object', () => {
    expect(parseJsonObject('{"kommune":')).toEqual({ ok: false, reason: 'syntax' });
    for (const text of ['[]', 'null', '42', '"varde"']) expect(parseJsonObject(text), text).toEqual({ ok: false, reason: 'not-object' });
  });

  it('refuses __proto__, constructor and prototype keys anywhere, naming where', () => {
    expect(parseJsonObject('{"__proto__":{"isAdmin":true}}')).toEqual({ ok: false, reason: 'forbidden-key', path: '__proto__' });
    expect(parseJsonObject('{"applicant":{"constructor":{}}}')).toEqual({ ok: false, reason: 'forbidden-key', path: 'applicant.constructor' });
    expect(parseJsonObject('{"needs":[{"prototype":1}]}')).toEqual({ ok: false, reason: 'forbidden-key', path: 'needs.0.prototype' });
  });

  it('refuses a key given twice in one object, at any depth, naming where (JSON.parse would keep the last)', () => {
    expect(parseJsonObject('{"kommune":"varde","kommune":"aabenraa"}')).toEqual({ ok: false, reason: 'duplicate-key', path: 'kommune' });
    expect(parseJsonObject('{"applicant":{"name":"A","cpr":null,"name":"B"}}')).toEqual({ ok: false, reason: 'duplicate-key', path: 'applicant.name' });
    expect(parseJsonObject('{"needs":[{"a":1},{"b":1,"b":2}]}')).toEqual({ ok: false, reason: 'duplicate-key', path: 'needs.1.b' });
    // The same key however it is written: an escape is the letter it stands for.
    expect(parseJsonObject('{"contact":{"preferred":"phone","pre\\u0066erred":"email"}}')).toEqual({ ok: false, reason: 'duplicate-key', path: 'contact.preferred' });
  });

  it('counts the keys a text writes, not a colon or an escaped quote inside a string (how a key twice is noticed fast)', () => {
    expect(keysWritten('{"a":"x\\":y","b":["c:",{"d" : 1}],"e\\\\":"\\u0022:"}')).toBe(4);
    expect(keysWritten('["a","b"]')).toBe(0);
    expect(keysWritten('{"a":1,"a":2}')).toBe(2);
    expect(parseJsonObject('{"a":"x\\":y","b":{"a":1}}')).toEqual({ ok: true, value: { a: 'x":y', b: { a: 1 } } });
  });

  it('takes the same key in different objects, and keys that only look alike', () => {
    expect(parseJsonObject('{"applicant":{"name":"A"},"onBehalf":{"name":"B"},"Name":"x","name ":1}').ok).toBe(true);
    expect(duplicateKey('[{"a":1},{"a":2}]')).toBeNull();
    expect(duplicateKey('{"a":{"a":{"a":1}}}')).toBeNull();
  });

  it('refuses nesting deeper than an application ever is, without exhausting the stack', () => {
    const nested = (depth: number) => '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth);
    expect(parseJsonObject(nested(8)).ok).toBe(true);
    expect(parseJsonObject(nested(9))).toEqual({ ok: false, reason: 'too-deep', path: Array(9).fill('a').join('.') });
    expect(parseJsonObject(nested(5000))).toMatchObject({ ok: false, reason: 'too-deep' });
  });
});

describe('the media type of a Content-Type header', () => {
  it('is lower case, without parameters, with the charset apart', () => {
    expect(mediaType('Application/JSON; charset="UTF-8"')).toEqual({ type: 'application/json', charset: 'utf-8' });
    expect(mediaType('application/x-www-form-urlencoded')).toEqual({ type: 'application/x-www-form-urlencoded', charset: null });
    expect(mediaType(null)).toEqual({ type: '', charset: null });
  });
});
