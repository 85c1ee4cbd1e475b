/**
 * The "Åben nu – lukker kl. 14.00" line and its note, in the form the
 * phone-status island (src/islands/phone-status.ts) reads and refreshes every
 * 30 seconds: its configuration in `data-phone-status`. PhoneStatus.astro renders
 * it on the server and the questionnaire island in the browser, so one script
 * keeps both current. Without a text (a static page, or the island before
 * the script has run) the line is `data-pending`: invisible, but its room is
 * kept (site.scss), so nothing moves when the script writes it; without
 * JavaScript it is left out and the hours table says it all.
 */
import type { PhoneStatusConfig } from '../lib/phone-status-text.ts';

interface Props {
  config: PhoneStatusConfig;
  /** The status's kind and words for this moment, where the server knows the time. */
  state?: string | undefined;
  text?: string | null;
  /** The assumption about half days ("31. december og 5. juni …"). */
  note: string;
}

export function PhoneStatusLine({ config, state, text, note }: Props) {
  return (
    <div class="phone-status">
      <p class="phone-status__now" data-phone-status={JSON.stringify(config)} data-state={state} data-pending={text ? undefined : ''}>
        {text}
      </p>
      <p class="phone-status__note">{note}</p>
    </div>
  );
}
