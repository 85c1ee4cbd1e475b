/**
 * Weekdays as the content data names them. Kept apart from the zod schema so
 * that code shipped to the browser (the phone-status island) can use them
 * without pulling zod into the bundle.
 */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One window in a unit's weekly phone hours ("08:00"–"14:00"). */
export interface PhoneWindow {
  day: Weekday;
  opens: string;
  closes: string;
}
