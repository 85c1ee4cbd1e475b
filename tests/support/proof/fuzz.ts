/**
 * Fuzzing the application endpoint with fast-check: malformed, oversized,
 * wrongly typed and hostile bodies and headers. The properties, for every
 * request: never a 5xx; a clear message (JSON `{ errors: [{ path, message }] }`
 * with a non-empty message, or the form page with an error summary); and,
 * checked by the caller, not one row more in the store.
 *
 * Every generated request is invalid by construction (no generator can make
 * a valid application by chance), so "nothing stored" is a fair demand.
 */
import fc from 'fast-check';
import { kommuneSlugs } from '../kommuner.ts';

export interface FuzzRequest {
  kind: string;
  headers: Record<string, string>;
  body: string;
}

const year = new Date().getFullYear() - 30;
/** A valid application; generators break it in one way each. */
export const VALID = {
  kommune: 'sonderborg',
  applicant: { name: 'Fuzz Testesen', birthDate: `${year}-06-01`, phone: '12345678' },
  needs: ['socialt-liv'],
  description: 'Fuzz',
  contact: { preferred: 'phone' },
  wantsBisidder: false,
  consentToObtainInformation: true,
} as const;

const json = { 'content-type': 'application/json' };

/** Paths in VALID and a value of the wrong type for each. */
const wrongTypes: [string[], fc.Arbitrary<unknown>][] = [
  [['kommune'], fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }))],
  [['kommune'], fc.string({ maxLength: 20 }).filter((s) => !kommuneSlugs.includes(s.trim()))],
  [['applicant'], fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }))],
  [['applicant', 'name'], fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object({ maxDepth: 1 }), fc.constant(''), fc.string({ minLength: 201, maxLength: 400 }))],
  [['applicant', 'birthDate'], fc.oneof(fc.integer(), fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)), fc.constant('2001-02-30'), fc.constant('1800-01-01'))],
  [['applicant', 'phone'], fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 6 }).filter((s) => s.replace(/\D/g, '').length < 8))],
  [['needs'], fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), fc.array(fc.string({ maxLength: 10 }).filter((s) => !/^[a-z-]+$/.test(s)), { minLength: 1, maxLength: 3 }))],
  [['description'], fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.string({ minLength: 5001, maxLength: 6000 }))],
  [['wantsBisidder'], fc.oneof(fc.string(), fc.integer(), fc.constant(null))],
  [['consentToObtainInformation'], fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 }))],
  [['contact', 'preferred'], fc.oneof(fc.integer(), fc.string({ maxLength: 8 }).filter((s) => !['phone', 'email', 'letter'].includes(s)))],
];

function withValueAt(path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(VALID) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const KNOWN_KEYS = new Set(['kommune', 'applicant', 'receivesEarlyRetirementPension', 'onBehalf', 'needs', 'description', 'helpReceived', 'contact', 'wantsBisidder', 'consentToObtainInformation']);
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

export const fuzzRequests: fc.Arbitrary<FuzzRequest> = fc.oneof(
  // Not JSON at all.
  fc.string({ maxLength: 200 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }).map((body) => ({ kind: 'not JSON', headers: json, body })),
  // JSON, but not an object.
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.jsonValue(), { maxLength: 4 }))
    .map((value) => ({ kind: 'JSON but not an object', headers: json, body: JSON.stringify(value) })),
  // Arbitrary objects: unknown keys, missing fields.
  fc.dictionary(fc.string({ maxLength: 12 }).filter((k) => !KNOWN_KEYS.has(k)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
    .map((value) => ({ kind: 'an arbitrary object', headers: json, body: JSON.stringify(value) })),
  // The valid application with an unknown field added.
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !KNOWN_KEYS.has(k) && k.trim() !== ''), fc.jsonValue({ maxDepth: 1 }))
    .map(([key, value]) => ({ kind: 'an unknown field', headers: json, body: JSON.stringify({ ...VALID, [key]: value }) })),
  // The valid application with one field of the wrong type or out of range.
  fc.constantFrom(...wrongTypes).chain(([path, arb]) =>
    arb.map((value) => ({ kind: `a wrong ${path.join('.')}`, headers: json, body: JSON.stringify(withValueAt(path, value)) })),
  ),
  // Prototype keys, at the top or nested (written as raw JSON: an object literal would not keep them as keys).
  fc.tuple(hostileKey, fc.boolean()).map(([key, nested]) => {
    const inner = JSON.stringify(VALID).slice(1, -1);
    const body = nested ? `{${inner.replace('"applicant":{', `"applicant":{"${key}":{"isAdmin":true},`)}}` : `{"${key}":{"polluted":true},${inner}}`;
    return { kind: `a ${key} key`, headers: json, body };
  }),
  // Nesting deeper than an application ever is.
  fc.integer({ min: 10, max: 5000 }).map((depth) => ({
    kind: 'deep nesting',
    headers: json,
    body: `{"kommune":"varde","x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
  })),
  // Over the 64 KB limit.
  fc.integer({ min: 64 * 1024 + 1, max: 200 * 1024 }).map((size) => ({
    kind: 'over 64 KB',
    headers: json,
    body: JSON.stringify({ ...VALID, description: 'x'.repeat(size) }),
  })),
  // Content types the endpoint does not take, or JSON in another charset.
  fc.oneof(
    fc.constantFrom('text/plain', 'text/html', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json; charset=latin1', 'application/jsonx', ''),
    fc.string({ maxLength: 40 }).filter((s) => !/^\s*(application\/json|application\/x-www-form-urlencoded)\s*(;|$)/i.test(s) && /^[\x20-\x7e]*$/.test(s)),
  ).map((type) => ({ kind: 'a content type we do not take', headers: { 'content-type': type }, body: JSON.stringify(VALID) })),
  // Idempotency keys that are not keys.
  fc.oneof(fc.string({ minLength: 201, maxLength: 300 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'a')), fc.constantFrom('', ' ', 'a b', '<script>', '../../etc'))
    .map((key) => ({ kind: 'a bad Idempotency-Key', headers: { ...json, 'idempotency-key': key }, body: JSON.stringify(VALID) })),
  // Form posts with unknown or hostile fields (the no-JS form's content type).
  fc.array(fc.tuple(fc.oneof(hostileKey, fc.string({ minLength: 1, maxLength: 10 })), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 5 })
    .filter((pairs) => pairs.some(([k]) => ['__proto__', 'constructor', 'prototype'].includes(k) || !/^[a-zA-Z.]+$/.test(k)))
    .map((pairs) => ({ kind: 'a form with strange fields', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(pairs).toString() })),
).chain((request) =>
  // Any of them in any language the client asks for.
  fc.option(fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')), { nil: undefined }).map((lang) =>
    lang === undefined ? request : { ...request, headers: { ...request.headers, 'accept-language': lang } },
  ),
);

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** What is wrong with an answer to a fuzzed request, or null when it is a clear refusal. */
export function problemWith(request: FuzzRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `${answer.status} for ${request.kind}`;
  if (answer.status < 400) return `${answer.status} (accepted) for ${request.kind}`;
  if (answer.contentType.startsWith('application/json')) {
    let body: { errors?: { path?: unknown; message?: unknown }[] };
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `unparseable JSON error for ${request.kind}`;
    }
    const ok = Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => typeof e.path === 'string' && typeof e.message === 'string' && e.message.trim().length > 3);
    return ok ? null : `no clear message for ${request.kind}: ${answer.text.slice(0, 200)}`;
  }
  if (answer.contentType.startsWith('text/html')) {
    return /class="[^"]*error-summary/.test(answer.text) || answer.status === 403 ? null : `an HTML answer without an error summary for ${request.kind}`;
  }
  return answer.text.trim().length > 3 ? null : `an empty ${answer.status} for ${request.kind}`;
}

/** Sends a fuzzed request; a form post carries the server's own Origin, so it reaches our code, not Astro's origin check. */
export async function send(url: string, request: FuzzRequest): Promise<Answer> {
  const headers = { ...request.headers };
  if (headers['content-type']?.startsWith('application/x-www-form-urlencoded')) headers.origin = new URL(url).origin;
  const response = await fetch(`${url}/api/ansoegninger`, { method: 'POST', headers, body: request.body, redirect: 'manual' });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}
