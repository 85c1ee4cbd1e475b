/**
 * The phone-status island: writes "Åben nu – lukker kl. 14.00" into every
 * `[data-phone-status]` element and refreshes it every 30 seconds. Plain
 * TypeScript, no framework: it only sets text (well under the 5 KB budget).
 * Without JavaScript the element stays hidden (or keeps the status the
 * server rendered) and the phone-hours table beside it says it all.
 */
import { phoneStatus } from '../domain/opening-hours.ts';
import type { PhoneWindow } from '../domain/weekdays.ts';
import { describePhoneStatus, type PhoneStatusStrings } from '../lib/phone-status-text.ts';

interface Config {
  lang: 'da' | 'en';
  hours: PhoneWindow[];
  strings: PhoneStatusStrings;
}

function update(): void {
  const now = new Date();
  for (const el of document.querySelectorAll<HTMLElement>('[data-phone-status]')) {
    const config = JSON.parse(el.dataset.phoneStatus ?? '{}') as Config;
    const status = phoneStatus(config.hours, now);
    const text = describePhoneStatus(status, config.strings, config.lang);
    if (text === null) continue;
    if (el.textContent !== text) el.textContent = text;
    el.dataset.state = status.kind;
    el.hidden = false;
  }
}

update();
setInterval(update, 30_000);
