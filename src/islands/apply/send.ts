/**
 * Sends the application as JSON with the form's Idempotency-Key, so a retry
 * after a lost answer (or a double click) cannot store it twice. Stored, the
 * answer's `Location` is the receipt (built on the server by `receiptPath`,
 * in the language sent as `Accept-Language`).
 */
import { applicationsApiPath } from '../../domain/paths.ts';

export type SendResult =
  | { kind: 'created'; receipt: string }
  | { kind: 'invalid'; errors: { path: string; message: string }[] }
  | { kind: 'failed'; status: number; retryAfter: number | null }
  | { kind: 'network' };

export async function sendApplication(body: unknown, idempotencyKey: string, lang: string): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(applicationsApiPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey, 'Accept-Language': lang },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { kind: 'network' };
  }
  const json = (await response.json().catch(() => null)) as { reference?: string; errors?: { path: string; message: string }[] } | null;
  const receipt = response.headers.get('location');
  if (response.status === 201 && json?.reference && receipt) return { kind: 'created', receipt };
  if (response.status === 422 && json?.errors) return { kind: 'invalid', errors: json.errors };
  const retryAfter = Number(response.headers.get('retry-after'));
  return { kind: 'failed', status: response.status, retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
}
