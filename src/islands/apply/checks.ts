/**
 * What the form island needs first when the answers are checked ("Fortsæt")
 * or sent: `checkForm` with the schema and zod/mini, the sending, and the
 * answers shown on "Tjek dine svar" (reached only through a check). The
 * island starts loading this as it mounts (a separate file, so the page is
 * usable before it arrives) and waits for it only if a check comes first.
 */
export { checkForm } from '../../domain/application-form.ts';
export { sendApplication } from './send.ts';
export { Review, reviewRows } from '../../components/apply/Review.tsx';
