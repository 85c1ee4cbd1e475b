/**
 * Reading a request body safely: a byte limit enforced while the stream is
 * read (not after buffering it all), a body the client stops sending halfway
 * as an answer rather than an exception, and JSON without prototype keys or
 * a key given twice.
 *
 * @astrojs/node hands the body over as a web ReadableStream fed from the
 * Node request (astro/app/node `makeRequestBody`), so reading it chunk by
 * chunk is reading the socket. Its own `bodySizeLimit` (1 GB by default)
 * stays as the outer guard.
 */
import { parse as parseJsonTree, type ValueNode } from '@humanwhocodes/momoa';

/**
 * `aborted`: the connection closed before the whole body came (the server's log has one line for it,
 * src/server/main.ts); nobody reads the answer, but there is one, never an exception.
 */
export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'not-utf8' | 'aborted' };

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
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
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
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DEPTH) return { ok: false, reason: 'too-deep', path };
    for (const key of Object.keys(node)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { ok: false, reason: 'forbidden-key', path: at };
      stack.push({ node: (node as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  const duplicate = duplicateKey(text);
  if (duplicate !== null) return { ok: false, reason: 'duplicate-key', path: duplicate };
  return { ok: true, value: value as Record<string, unknown> };
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
