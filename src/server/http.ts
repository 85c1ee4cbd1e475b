/**
 * JSON answers of the API: every one `no-store`, every error in the shape of
 * a 422 (`{ errors: [{ path, message }] }`), so a client reads one shape.
 */

/** API answers are never cached: they are about one request. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  });
}

/** `{ errors: [{ path: '', message }] }`: every error answer has the shape of a 422. */
export function errorJson(status: number, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { errors: [{ path: '', message }] }, headers);
}
