/**
 * A unit's phone number as a `tel:` link (one tap to call on a phone; it
 * never breaks across lines, site.scss), or, where the standard gives no
 * number, the "not stated" text: never a guessed number. A Preact component,
 * so the `.astro` pages, the questionnaire and the application form all
 * write a phone number the same way.
 */
import type { ComponentChildren } from 'preact';
import { telHref } from '../domain/phone-numbers.ts';

interface Props {
  /** The number as the content data gives it (`null`: the standard gives none). */
  phone: string | null;
  /** Shown (as `.not-stated`) when there is no number. */
  notStated?: ComponentChildren;
  /** The number as a sentence writes it ("79946800"), when that differs from the data's. */
  text?: string;
  /** The large number of a unit's own contact block (`.phone-link`). */
  large?: boolean;
}

export const PhoneLink = ({ phone, notStated, text, large }: Props) =>
  phone ? (
    <a class={large ? 'phone-link' : undefined} href={telHref(phone)}>
      {text ?? phone}
    </a>
  ) : (
    <span class="not-stated">{notStated}</span>
  );
