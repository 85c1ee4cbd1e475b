/**
 * A printed Danish phone number in the forms machines read: E.164 for
 * vCards and schema.org, `tel:` for links. (Finding a kommune's numbers
 * inside a standard's text is phone-numbers-in-text.ts, a module of its own
 * so that the islands that only link a number do not load that code.)
 */

/** "9945 4421" → "+4599454421" (E.164: what tel: links, vCards and schema.org want). */
export function internationalNumber(phone: string): string {
  return `+45${phone.replace(/\D/g, '')}`;
}

/** "9945 4421" → "tel:+4599454421". */
export function telHref(phone: string): string {
  return `tel:${internationalNumber(phone)}`;
}
