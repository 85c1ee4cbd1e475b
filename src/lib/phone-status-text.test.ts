import { describe, expect, it } from 'vitest';
import { STRINGS } from '../i18n/index.ts';
import { describePhoneStatus, type PhoneStatusStrings } from './phone-status-text.ts';

const da: PhoneStatusStrings = STRINGS.da.phoneStatus;
const en: PhoneStatusStrings = STRINGS.en.phoneStatus;
const easterMonday = { da: '2. påskedag', en: 'Easter Monday', closedFrom: '00:00', assumption: false };
const newYearsEve = { da: 'nytårsaftensdag', en: "New Year's Eve", closedFrom: '12:00', assumption: true };

describe('the phone status in words', () => {
  it('open, with the closing time in Danish clock style', () => {
    expect(describePhoneStatus({ kind: 'open', closes: '14:00', closesEarly: null }, da, 'da')).toBe('Åben nu – lukker kl. 14.00');
    expect(describePhoneStatus({ kind: 'open', closes: '13:30', closesEarly: null }, en, 'en')).toBe('Open now – closes at 13:30');
  });

  it('open but closing early on a half day names the day', () => {
    expect(describePhoneStatus({ kind: 'open', closes: '12:00', closesEarly: newYearsEve }, da, 'da')).toBe(
      'Åben nu – lukker kl. 12.00 i dag (nytårsaftensdag)',
    );
  });

  it('closed on a holiday says which, and when it opens', () => {
    const status = { kind: 'closed', closedDay: easterMonday, next: { date: '2026-04-07', weekday: 'tuesday', opens: '08:00', daysAhead: 1 } } as const;
    expect(describePhoneStatus(status, da, 'da')).toBe('Lukket i dag (2. påskedag) – åbner i morgen kl. 8.00');
  });

  it('closed: later today, tomorrow, or any later day with its date', () => {
    const closed = (daysAhead: number, weekday: 'monday' | 'tuesday', date = '2026-11-23') =>
      describePhoneStatus({ kind: 'closed', closedDay: null, next: { date, weekday, opens: '13:00', daysAhead } }, da, 'da');
    expect(closed(0, 'monday')).toBe('Lukket – åbner i dag kl. 13.00');
    expect(closed(1, 'monday')).toBe('Lukket – åbner i morgen kl. 13.00');
    expect(closed(2, 'monday')).toBe('Lukket – åbner mandag den 23. november kl. 13.00');
    expect(closed(8, 'tuesday', '2027-01-05')).toBe('Lukket – åbner tirsdag den 5. januar kl. 13.00');
  });

  it('has no words for a unit without phone hours: the page says so instead', () => {
    expect(describePhoneStatus({ kind: 'no-hours' }, da, 'da')).toBeNull();
  });
});
