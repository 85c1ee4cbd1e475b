import { describe, expect, it } from 'vitest';
import { duplicateKey, mediaType, parseJsonObject, readBodyText } from './request-body.ts';

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
