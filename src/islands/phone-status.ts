/**
 * The phone-status island: writes "Åben nu – lukker kl. 14.00" into every
 * `[data-phone-status]` element (PhoneStatusLine.tsx) and refreshes it every
 * 30 seconds, so it changes within half a minute of a window opening or
 * closing. Elements added later (the questionnaire island's "Ring og tal med
 * kommunen" outcome) are picked up at the next refresh, or at once when their
 * island calls `refreshPhoneStatus`. Plain TypeScript, no framework: it only sets text
 * (well under the 5 KB budget). Without JavaScript the element stays hidden
 * (or keeps the status the server rendered) and the phone-hours table beside
 * it says it all. Until the script has written it, the line is invisible
 * but keeps its room (`data-pending`, site.scss), so the text under it does
 * not move when it appears (CLS 0).
 */
import { phoneStatus } from '../domain/phone-status.ts';
import { describePhoneStatus, type PhoneStatusConfig } from '../lib/phone-status-text.ts';

export function refreshPhoneStatus(): void {
  const now = new Date();
  for (const el of document.querySelectorAll<HTMLElement>('[data-phone-status]')) {
    const config = JSON.parse(el.dataset.phoneStatus ?? '{}') as PhoneStatusConfig;
    const status = phoneStatus(config.hours, now);
    const text = describePhoneStatus(status, config.strings, config.lang);
    if (text === null) {
      el.hidden = true;
      continue;
    }
    if (el.textContent !== text) el.textContent = text;
    el.dataset.state = status.kind;
    // Shown in the room the line kept while it waited (site.scss): nothing below it moves.
    delete el.dataset.pending;
  }
}

refreshPhoneStatus();
setInterval(refreshPhoneStatus, 30_000);
