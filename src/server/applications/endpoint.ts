/**
 * `POST /api/ansoegninger` from request to answer, for both ways a request
 * reaches it: the production server's fast path (./fast-path.ts, JSON posts,
 * before Astro's per-request pipeline) and the Astro route
 * (src/pages/api/ansoegninger.ts: every post, the no-JavaScript form's among
 * them). One function, so both give the same answers.
 *
 * The answer is a Response, or — for the no-JavaScript form when the store
 * cannot keep its answers as a draft — the form page to render with them
 * (only the Astro route can render a page; JSON posts never get this).
 */
import type { FormRerender } from '../../lib/apply-form-state.ts';
import type { PostedRequest } from '../request-body.ts';
import { formAnswer } from './check-answers.ts';
import { submitApplication, type SubmitDeps } from './submit.ts';

export interface EndpointDeps extends SubmitDeps {
  /** The form-draft cookie is Secure (the site is served over https). */
  secureCookies: boolean;
}

export type EndpointAnswer = { kind: 'response'; response: Response } | { kind: 'form-page'; form: FormRerender };

export async function answerApplicationPost(request: PostedRequest, url: URL, client: string, deps: EndpointDeps): Promise<EndpointAnswer> {
  const answer = await submitApplication({ request, url, client }, deps);
  const response = await formAnswer(answer, request, url, deps);
  if (response) return { kind: 'response', response };
  return answer.kind === 'response' ? answer : { kind: 'form-page', form: answer.form };
}
