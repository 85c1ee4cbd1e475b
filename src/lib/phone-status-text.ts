/**
 * Words for a unit's phone status ("Åben nu – lukker kl. 14.00"). Pure and
 * free of i18next: the page passes the translated templates, and the same
 * function runs on the server (receipt, questionnaire result) and in the
 * phone-status island in the browser.
 */
import type { PhoneStatus } from '../domain/phone-status.ts';
import { formatClock } from '../domain/danish-clock.ts';
import type { PhoneWindow, Weekday } from '../domain/weekdays.ts';
import { fillTemplate } from './template.ts';

/** Templates with `{{name}}` slots, from `locales/<lang>/phoneStatus.json`. */
export interface PhoneStatusStrings {
  open: string;
  openClosesEarly: string;
  closed: string;
  closedToday: string;
  opensLaterToday: string;
  opensTomorrow: string;
  opensOnDate: string;
  weekdays: Record<Weekday, string>;
}

/**
 * What the phone-status island needs to write a unit's status in the browser,
 * carried in the element's `data-phone-status` attribute (PhoneStatusLine.tsx).
 */
export interface PhoneStatusConfig {
  lang: 'da' | 'en';
  hours: PhoneWindow[];
  strings: PhoneStatusStrings;
}

export const PHONE_STATUS_KEYS = [
  'open',
  'openClosesEarly',
  'closed',
  'closedToday',
  'opensLaterToday',
  'opensTomorrow',
  'opensOnDate',
] as const;

/** The date of an opening after tomorrow, as "6. januar" / "6 January". */
function dayAndMonth(iso: string, lang: 'da' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

/**
 * The status in words, or `null` for a unit without phone hours (the page
 * says that in its own words, never a guess).
 */
export function describePhoneStatus(status: PhoneStatus, s: PhoneStatusStrings, lang: 'da' | 'en'): string | null {
  const name = (day: { da: string; en: string }) => day[lang];
  switch (status.kind) {
    case 'no-hours':
      return null;
    case 'open': {
      const closes = formatClock(status.closes, lang);
      return status.closesEarly ? fillTemplate(s.openClosesEarly, { closes, day: name(status.closesEarly) }) : fillTemplate(s.open, { closes });
    }
    case 'closed': {
      const head = status.closedDay ? fillTemplate(s.closedToday, { day: name(status.closedDay) }) : s.closed;
      const next = status.next;
      if (!next) return head;
      const opens = formatClock(next.opens, lang);
      const when =
        next.daysAhead === 0
          ? fillTemplate(s.opensLaterToday, { opens })
          : next.daysAhead === 1
            ? fillTemplate(s.opensTomorrow, { opens })
            : // Any later day names its date too: "mandag" alone is ambiguous over Easter or a long weekend.
              fillTemplate(s.opensOnDate, { opens, weekday: s.weekdays[next.weekday], date: dayAndMonth(next.date, lang) });
      return `${head} – ${when}`;
    }
  }
}
