import { describe, expect, it } from 'vitest';
import type { PhoneWindow } from './kommune.ts';
import { danishClock } from './danish-clock.ts';
import { phoneStatus } from './phone-status.ts';
import { kommune } from '../../tests/support/kommuner.ts';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
/** Sønderborg: "hverdage mellem kl. 8-9 og 13-14". */
const sonderborg: PhoneWindow[] = weekdays.flatMap((day) => [
  { day, opens: '08:00', closes: '09:00' },
  { day, opens: '13:00', closes: '14:00' },
]);
/** Brønderslev Visitationen: Monday–Thursday 8.00–14.00, Friday 8.00–13.30. */
const visitationen: PhoneWindow[] = [
  ...(['monday', 'tuesday', 'wednesday', 'thursday'] as const).map((day) => ({ day, opens: '08:00', closes: '14:00' })),
  { day: 'friday', opens: '08:00', closes: '13:30' },
];

/** A Danish wall-clock moment: summer time (UTC+2) from the last Sunday of March to the last of October. */
const dk = (local: string) => {
  const probe = new Date(`${local}:00Z`);
  for (const offset of [1, 2]) {
    const candidate = new Date(probe.getTime() - offset * 3600_000);
    const { date, time } = danishClock(candidate);
    if (`${date}T${time}` === local) return candidate;
  }
  throw new Error(`no such Danish time: ${local}`);
};

describe('phone status on ordinary days', () => {
  it('open in the morning window, closing at 9.00 (Sønderborg, Monday 8.30)', () => {
    expect(phoneStatus(sonderborg, dk('2026-11-23T08:30'))).toEqual({ kind: 'open', closes: '09:00', closesEarly: null });
  });

  it('closed between the two windows, opening again at 13.00 the same day', () => {
    expect(phoneStatus(sonderborg, dk('2026-11-23T10:15'))).toMatchObject({
      kind: 'closed', closedDay: null, next: { date: '2026-11-23', opens: '13:00', daysAhead: 0 },
    });
  });

  it('a window closes on the minute: 14.00 is closed, 13.59 is open', () => {
    expect(phoneStatus(sonderborg, dk('2026-11-23T13:59')).kind).toBe('open');
    expect(phoneStatus(sonderborg, dk('2026-11-23T14:00'))).toMatchObject({ kind: 'closed', next: { date: '2026-11-24', daysAhead: 1 } });
  });

  it('opens on the minute: 8.00 is open, 7.59 opens at 8.00 today', () => {
    expect(phoneStatus(visitationen, dk('2026-11-24T08:00')).kind).toBe('open');
    expect(phoneStatus(visitationen, dk('2026-11-24T07:59'))).toMatchObject({ kind: 'closed', next: { opens: '08:00', daysAhead: 0 } });
  });

  it('Friday closes at 13.30 and the weekend sends you to Monday', () => {
    expect(phoneStatus(visitationen, dk('2026-11-27T13:00'))).toMatchObject({ kind: 'open', closes: '13:30' });
    expect(phoneStatus(visitationen, dk('2026-11-27T13:45'))).toMatchObject({
      kind: 'closed', next: { date: '2026-11-30', weekday: 'monday', opens: '08:00', daysAhead: 3 },
    });
    expect(phoneStatus(visitationen, dk('2026-11-29T10:00'))).toMatchObject({ kind: 'closed', closedDay: null, next: { daysAhead: 1 } });
  });
});

describe('phone status on holidays', () => {
  it('2. påskedag is closed all day and the next opening is Tuesday', () => {
    expect(phoneStatus(visitationen, dk('2026-04-06T09:00'))).toMatchObject({
      kind: 'closed', closedDay: { da: '2. påskedag' }, next: { date: '2026-04-07', weekday: 'tuesday', opens: '08:00', daysAhead: 1 },
    });
  });

  it('skærtorsdag to 2. påskedag: from Wednesday afternoon before Easter the next opening is Tuesday after', () => {
    expect(phoneStatus(visitationen, dk('2026-04-01T15:00'))).toMatchObject({ kind: 'closed', closedDay: null, next: { date: '2026-04-07', daysAhead: 6 } });
  });

  it('Christmas: closed 24–26 December, open again on the next working day', () => {
    expect(phoneStatus(sonderborg, dk('2026-12-24T08:30'))).toMatchObject({ kind: 'closed', closedDay: { da: 'juleaftensdag' }, next: { date: '2026-12-28' } });
  });

  it('31 December: open in the morning but closing early, closed after 12.00 (an assumption)', () => {
    expect(phoneStatus(visitationen, dk('2026-12-31T10:00'))).toMatchObject({
      kind: 'open', closes: '12:00', closesEarly: { da: 'nytårsaftensdag', assumption: true },
    });
    expect(phoneStatus(visitationen, dk('2026-12-31T12:30'))).toMatchObject({
      kind: 'closed', closedDay: { da: 'nytårsaftensdag' }, next: { date: '2027-01-04' },
    });
  });

  it('5 June afternoon: Sønderborg’s 13–14 window does not open', () => {
    expect(phoneStatus(sonderborg, dk('2026-06-05T08:30'))).toMatchObject({ kind: 'open', closes: '09:00', closesEarly: null });
    expect(phoneStatus(sonderborg, dk('2026-06-05T10:00'))).toMatchObject({ kind: 'closed', closedDay: null, next: { date: '2026-06-08' } });
  });

  it('the former store bededag (2026-05-01 is also 1 May) is an ordinary working day', () => {
    expect(phoneStatus(visitationen, dk('2026-05-01T09:00')).kind).toBe('open');
  });

  it('Kristi himmelfartsdag is closed', () => {
    expect(phoneStatus(visitationen, dk('2027-05-06T09:00'))).toMatchObject({ kind: 'closed', closedDay: { da: 'Kristi himmelfartsdag' } });
  });
});

describe('daylight saving time', () => {
  it('reads Danish wall-clock time on both sides of the spring change (29 March 2026)', () => {
    expect(danishClock(new Date('2026-03-29T00:59:00Z'))).toEqual({ date: '2026-03-29', time: '01:59' });
    expect(danishClock(new Date('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', time: '03:00' });
    // Monday after the change: 08:00 summer time is 06:00 UTC.
    expect(phoneStatus(visitationen, new Date('2026-03-30T06:00:00Z')).kind).toBe('open');
    expect(phoneStatus(visitationen, new Date('2026-03-30T05:59:00Z')).kind).toBe('closed');
  });

  it('reads Danish wall-clock time on both sides of the autumn change (25 October 2026)', () => {
    expect(danishClock(new Date('2026-10-25T00:30:00Z'))).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(danishClock(new Date('2026-10-25T01:30:00Z'))).toEqual({ date: '2026-10-25', time: '02:30' });
    // Monday after the change: 08:00 winter time is 07:00 UTC.
    expect(phoneStatus(visitationen, new Date('2026-10-26T07:00:00Z')).kind).toBe('open');
    expect(phoneStatus(visitationen, new Date('2026-10-26T06:59:00Z')).kind).toBe('closed');
  });

  it('on the change night itself the next opening is still Monday 8.00', () => {
    expect(phoneStatus(visitationen, new Date('2026-03-29T01:30:00Z'))).toMatchObject({ next: { date: '2026-03-30', opens: '08:00', daysAhead: 1 } });
    expect(phoneStatus(visitationen, new Date('2026-10-25T01:30:00Z'))).toMatchObject({ next: { date: '2026-10-26', opens: '08:00', daysAhead: 1 } });
  });
});

describe('units without phone hours in their standard', () => {
  it('say nothing about open or closed', () => {
    expect(phoneStatus(null, new Date())).toEqual({ kind: 'no-hours' });
    expect(phoneStatus([], new Date())).toEqual({ kind: 'no-hours' });
  });

  it('Varde, Frederikssund and Aabenraa give no phone hours: no status at any moment, never a guess', () => {
    const slugs = ['varde', 'frederikssund', 'aabenraa'];
    const withoutHours = slugs.flatMap((slug) => kommune(slug).units.filter((u) => u.phoneHours === null).map((u) => u.id));
    expect(withoutHours.sort()).toEqual(['raadgivningshuset', 'social-og-handicap', 'ungekontakten', 'visitation-og-understoettelse']);
    for (const slug of slugs) {
      for (const unit of kommune(slug).units) {
        // A Tuesday morning, when every unit with hours is open.
        expect(phoneStatus(unit.phoneHours, dk('2026-11-24T10:00'))).toEqual({ kind: 'no-hours' });
      }
    }
  });
});

describe('every weekday, from the content data', () => {
  const ungecentret = kommune('bronderslev').units.find((u) => u.id === 'ungecentret')!.phoneHours!;
  // Week 48 of 2026 has no holiday: Monday 23 to Sunday 29 November.
  it.each([
    ['monday', '2026-11-23', { kind: 'open', closes: '15:00' }],
    ['tuesday', '2026-11-24', { kind: 'open', closes: '15:00' }],
    ['wednesday', '2026-11-25', { kind: 'open', closes: '15:00' }],
    ['thursday', '2026-11-26', { kind: 'open', closes: '17:00' }],
    ['friday', '2026-11-27', { kind: 'open', closes: '14:00' }],
    ['saturday', '2026-11-28', { kind: 'closed', next: { weekday: 'monday', daysAhead: 2 } }],
    ['sunday', '2026-11-29', { kind: 'closed', next: { weekday: 'monday', daysAhead: 1 } }],
  ])('UngeCentret on a %s at 10.00', (_day, date, expected) => {
    expect(phoneStatus(ungecentret, dk(`${date}T10:00`))).toMatchObject(expected);
  });

  it('UngeCentret is open until 17.00 on Thursday only: at 16.00 on Wednesday it opens tomorrow', () => {
    expect(phoneStatus(ungecentret, dk('2026-11-26T16:00'))).toMatchObject({ kind: 'open', closes: '17:00' });
    expect(phoneStatus(ungecentret, dk('2026-11-25T16:00'))).toMatchObject({ kind: 'closed', next: { weekday: 'thursday', daysAhead: 1 } });
  });
});

describe('every public holiday 2025–2027 closes the phones', () => {
  /** A unit with phone hours every day of the week, so that holidays on a weekend are tested too. */
  const everyDay: PhoneWindow[] = (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map(
    (day) => ({ day, opens: '08:00', closes: '16:00' }),
  );
  // Written out by hand from the calendar (not computed), content/sources/NOTES.md § 3.4.
  const allDay: [string, string][] = [
    ['2025-01-01', 'nytårsdag'], ['2025-04-17', 'skærtorsdag'], ['2025-04-18', 'langfredag'], ['2025-04-20', 'påskedag'],
    ['2025-04-21', '2. påskedag'], ['2025-05-29', 'Kristi himmelfartsdag'], ['2025-06-08', 'pinsedag'], ['2025-06-09', '2. pinsedag'],
    ['2025-12-24', 'juleaftensdag'], ['2025-12-25', 'juledag'], ['2025-12-26', '2. juledag'],
    ['2026-01-01', 'nytårsdag'], ['2026-04-02', 'skærtorsdag'], ['2026-04-03', 'langfredag'], ['2026-04-05', 'påskedag'],
    ['2026-04-06', '2. påskedag'], ['2026-05-14', 'Kristi himmelfartsdag'], ['2026-05-24', 'pinsedag'], ['2026-05-25', '2. pinsedag'],
    ['2026-12-24', 'juleaftensdag'], ['2026-12-25', 'juledag'], ['2026-12-26', '2. juledag'],
    ['2027-01-01', 'nytårsdag'], ['2027-03-25', 'skærtorsdag'], ['2027-03-26', 'langfredag'], ['2027-03-28', 'påskedag'],
    ['2027-03-29', '2. påskedag'], ['2027-05-06', 'Kristi himmelfartsdag'], ['2027-05-16', 'pinsedag'], ['2027-05-17', '2. pinsedag'],
    ['2027-12-24', 'juleaftensdag'], ['2027-12-25', 'juledag'], ['2027-12-26', '2. juledag'],
  ];
  it.each(allDay)('%s (%s) is closed all day', (date, name) => {
    for (const time of ['08:00', '10:00', '15:59']) {
      expect(phoneStatus(everyDay, dk(`${date}T${time}`))).toMatchObject({ kind: 'closed', closedDay: { da: name } });
    }
  });

  const halfDays: [string, string][] = [
    ['2025-06-05', 'grundlovsdag'], ['2025-12-31', 'nytårsaftensdag'],
    ['2026-06-05', 'grundlovsdag'], ['2026-12-31', 'nytårsaftensdag'],
    ['2027-06-05', 'grundlovsdag'], ['2027-12-31', 'nytårsaftensdag'],
  ];
  it.each(halfDays)('%s (%s) is open until 12.00 and closed after (an assumption)', (date, name) => {
    expect(phoneStatus(everyDay, dk(`${date}T11:59`))).toMatchObject({ kind: 'open', closes: '12:00', closesEarly: { da: name, assumption: true } });
    expect(phoneStatus(everyDay, dk(`${date}T12:00`))).toMatchObject({ kind: 'closed', closedDay: { da: name } });
  });

  it('the days around them are ordinary days (store bededag is gone from 2024)', () => {
    for (const date of ['2025-05-16', '2026-05-01', '2027-04-23', '2025-12-27', '2026-12-23', '2027-01-02']) {
      expect(phoneStatus(everyDay, dk(`${date}T10:00`))).toMatchObject({ kind: 'open', closesEarly: null });
    }
  });
});

describe('every change of clock 2025–2027, both ways', () => {
  // Last Sunday of March (01:00 UTC: 02:00 → 03:00) and of October (01:00 UTC: 03:00 → 02:00).
  // In 2027 the spring change falls on Easter Sunday, so the next opening is Tuesday after 2. påskedag.
  it.each([
    { change: 'spring 2025', night: '2025-03-30', opens: '2025-03-31', daysAhead: 1, utcOffset: 2 },
    { change: 'autumn 2025', night: '2025-10-26', opens: '2025-10-27', daysAhead: 1, utcOffset: 1 },
    { change: 'spring 2026', night: '2026-03-29', opens: '2026-03-30', daysAhead: 1, utcOffset: 2 },
    { change: 'autumn 2026', night: '2026-10-25', opens: '2026-10-26', daysAhead: 1, utcOffset: 1 },
    { change: 'spring 2027', night: '2027-03-28', opens: '2027-03-30', daysAhead: 2, utcOffset: 2 },
    { change: 'autumn 2027', night: '2027-10-31', opens: '2027-11-01', daysAhead: 1, utcOffset: 1 },
  ])('$change: on the night of $night the next opening is still $opens at 8.00 Danish time', ({ night, opens, daysAhead, utcOffset }) => {
    for (const utc of ['00:30', '01:30']) {
      expect(phoneStatus(visitationen, new Date(`${night}T${utc}:00Z`))).toMatchObject({
        kind: 'closed', next: { date: opens, opens: '08:00', daysAhead },
      });
    }
    const eight = new Date(`${opens}T08:00:00+0${utcOffset}:00`);
    expect(phoneStatus(visitationen, eight)).toMatchObject({ kind: 'open', closes: '14:00' });
    expect(phoneStatus(visitationen, new Date(eight.getTime() - 60_000))).toMatchObject({ kind: 'closed', next: { daysAhead: 0 } });
  });
});
