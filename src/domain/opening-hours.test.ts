import { describe, expect, it } from 'vitest';
import type { PhoneWindow } from './kommune.ts';
import { danishClock, phoneStatus } from './opening-hours.ts';

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
});
