/**
 * Reading a request body safely: a byte limit enforced while the stream is
 * read (not after buffering it all), a body the client stops sending halfway
 * as an answer rather than an exception, and JSON without prototype keys or
 * a key given twice.
 *
 * @astrojs/node hands the body over as a web ReadableStream fed from the
 * Node request (astro/app/node `makeRequestBody`), so reading it chunk by
 * chunk is reading the socket. Its own `bodySizeLimit` (1 GB by default)
 * stays as the outer guard. The production server's fast path reads Node's
 * request itself (`postedFromNode`), with the same answers.
 */
import { parse as parseJsonTree, type ValueNode } from '@humanwhocodes/momoa';

/**
 * `aborted`: the connection closed before the whole body came (the server's log has one line for it,
 * src/server/main.ts); nobody reads the answer, but there is one, never an exception.
 */
export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'not-utf8' | 'aborted' };

/** What is read of a request's headers: a web `Request` has it, and so does the Node request's view below. */
export interface RequestHeaders {
  readonly headers: { get(name: string): string | null };
}

/**
 * A posted request as the application endpoint reads it: its headers, and its body under a limit. From a
 * web Request (the Astro route, tests: `postedFrom`), or straight from Node's request
 * (src/server/applications/fast-path.ts: no web Request or stream is made for it).
 */
export interface PostedRequest extends RequestHeaders {
  readBody(limit: number): Promise<BodyResult>;
}

export const postedFrom = (request: Request): PostedRequest => ({ headers: request.headers, readBody: (limit) => readBodyText(request, limit) });

/** Decodes a body that must be UTF-8; `not-utf8` when it is not. */
function utf8(bytes: Uint8Array): BodyResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
}

export async function readBodyText(request: Request, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      return { ok: false, reason: 'aborted' };
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading: the rest is never buffered. The server answers 413 and closes the connection.
      reader.releaseLock();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  return utf8(Buffer.concat(chunks));
}

/**
 * A Node request as a PostedRequest, with the same answers as `readBodyText` gives for the web Request
 * Astro makes of it: the declared or read length over the limit stops reading (`too-large`; the rest is
 * never buffered and the server closes the connection after its 413), a connection closed before the
 * whole body came is `aborted`, and a body that is not UTF-8 `not-utf8`. Header values as a web Headers
 * object gives them: a header sent twice joined with ", ".
 */
export function postedFromNode(req: import('node:http').IncomingMessage): PostedRequest {
  return {
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    readBody: (limit) =>
      new Promise<BodyResult>((resolve) => {
        if (Number(req.headers['content-length'] ?? '0') > limit) return resolve({ ok: false, reason: 'too-large' });
        const chunks: Buffer[] = [];
        let size = 0;
        const settle = (result: BodyResult) => {
          req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
          resolve(result);
        };
        const onData = (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size <= limit) chunks.push(chunk);
          else {
            req.pause();
            settle({ ok: false, reason: 'too-large' });
          }
        };
        const onEnd = () => settle(utf8(Buffer.concat(chunks)));
        const onClose = () => settle({ ok: false, reason: 'aborted' });
        // Read from here on (a Node request waits, paused, until it is read); one gone meanwhile has nothing more to give.
        if (req.destroyed) return resolve({ ok: false, reason: 'aborted' });
        req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
      }),
  };
}

/** Keys that could reach an object's prototype if a body were ever merged into one; never accepted. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 8;

export type JsonResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: 'syntax' | 'not-object' | 'forbidden-key' | 'too-deep' | 'duplicate-key'; path?: string };

/**
 * Parses a JSON body that must be an object. A forbidden key anywhere,
 * nesting deeper than an application ever is, or a key twice in one object
 * (at any depth: `JSON.parse` would quietly keep the last, so what a client
 * meant and what is stored could differ) refuses the whole body.
 */
export function parseJsonObject(text: string): JsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'syntax' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not-object' };
  // Iterative, so a deeply nested body cannot exhaust the stack.
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
  let keys = 0;
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DEPTH) return { ok: false, reason: 'too-deep', path };
    if (!Array.isArray(node)) keys += Object.keys(node).length;
    for (const key of Object.keys(node)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { ok: false, reason: 'forbidden-key', path: at };
      stack.push({ node: (node as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  // As many keys written as parsed: none was given twice. Else the syntax tree finds which (the rare, slow way).
  if (keysWritten(text) !== keys) {
    const duplicate = duplicateKey(text);
    if (duplicate !== null) return { ok: false, reason: 'duplicate-key', path: duplicate };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * How many object keys a JSON text writes: each string followed by a colon. Only for text `JSON.parse`
 * took, so strings and escapes are well formed; a string's own `"` is always escaped, so a quote not
 * after a backslash ends it.
 */
export function keysWritten(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x22) continue;
    // Past the string: a backslash escapes the next character, whatever it is.
    for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    let j = i + 1;
    for (let c = text.charCodeAt(j); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++j));
    if (text.charCodeAt(j) === 0x3a) count++;
  }
  return count;
}

/**
 * The path of the first key given twice in one object, or `null`. `JSON.parse` cannot tell (the last
 * wins), so the text is read again as a syntax tree (Momoa, an ECMA-404 parser), which keeps every
 * member. Keys are compared as decoded: `"a"` and `"\u0061"` are the same key. Only called on text
 * `JSON.parse` took and whose depth is checked, so the tree is shallow.
 */
export function duplicateKey(text: string): string | null {
  let root: ValueNode;
  try {
    root = parseJsonTree(text).body;
  } catch {
    return null;
  }
  const find = (node: ValueNode, path: string): string | null => {
    const at = (key: string) => (path ? `${path}.${key}` : key);
    if (node.type === 'Array') {
      for (const [i, element] of node.elements.entries()) {
        const found = find(element.value, at(String(i)));
        if (found !== null) return found;
      }
    } else if (node.type === 'Object') {
      const seen = new Set<string>();
      for (const member of node.members) {
        const key = member.name.type === 'String' ? member.name.value : member.name.name;
        if (seen.has(key)) return at(key);
        seen.add(key);
        const found = find(member.value, at(key));
        if (found !== null) return found;
      }
    }
    return null;
  };
  return find(root, '');
}

/** The media type of a Content-Type header, lower case, without parameters; and its charset. */
export function mediaType(header: string | null): { type: string; charset: string | null } {
  const [type = '', ...params] = (header ?? '').split(';').map((s) => s.trim());
  const charset = params.find((p) => /^charset=/i.test(p))?.slice(8).replace(/"/g, '').toLowerCase() ?? null;
  return { type: type.toLowerCase(), charset };
}
