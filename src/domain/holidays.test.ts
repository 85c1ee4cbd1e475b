import { describe, expect, it } from 'vitest';
import { closedDayOn, closedDays, easterSunday } from './holidays.ts';

describe('Easter Sunday', () => {
  it.each([
    [2023, '2023-04-09'], [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'],
    [2038, '2038-04-25'], [2285, '2285-03-22'],
  ])('%i: %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('Danish public holidays 2025–2027 (content/sources/NOTES.md § 3.4)', () => {
  const expected: Record<number, Record<string, string>> = {
    2025: {
      '2025-01-01': 'nytårsdag', '2025-04-17': 'skærtorsdag', '2025-04-18': 'langfredag', '2025-04-20': 'påskedag',
      '2025-04-21': '2. påskedag', '2025-05-29': 'Kristi himmelfartsdag', '2025-06-08': 'pinsedag', '2025-06-09': '2. pinsedag',
      '2025-12-24': 'juleaftensdag', '2025-12-25': 'juledag', '2025-12-26': '2. juledag',
      '2025-06-05': 'grundlovsdag', '2025-12-31': 'nytårsaftensdag',
    },
    2026: {
      '2026-01-01': 'nytårsdag', '2026-04-02': 'skærtorsdag', '2026-04-03': 'langfredag', '2026-04-05': 'påskedag',
      '2026-04-06': '2. påskedag', '2026-05-14': 'Kristi himmelfartsdag', '2026-05-24': 'pinsedag', '2026-05-25': '2. pinsedag',
      '2026-12-24': 'juleaftensdag', '2026-12-25': 'juledag', '2026-12-26': '2. juledag',
      '2026-06-05': 'grundlovsdag', '2026-12-31': 'nytårsaftensdag',
    },
    2027: {
      '2027-01-01': 'nytårsdag', '2027-03-25': 'skærtorsdag', '2027-03-26': 'langfredag', '2027-03-28': 'påskedag',
      '2027-03-29': '2. påskedag', '2027-05-06': 'Kristi himmelfartsdag', '2027-05-16': 'pinsedag', '2027-05-17': '2. pinsedag',
      '2027-12-24': 'juleaftensdag', '2027-12-25': 'juledag', '2027-12-26': '2. juledag',
      '2027-06-05': 'grundlovsdag', '2027-12-31': 'nytårsaftensdag',
    },
  };

  it.each([2025, 2026, 2027])('%i has exactly the expected closed days', (year) => {
    const actual = Object.fromEntries([...closedDays(year)].map(([d, c]) => [d, c.da]));
    expect(actual).toEqual(expected[year]);
  });

  it('store bededag is a holiday up to 2023 and an ordinary working day from 2024', () => {
    expect(closedDayOn('2023-05-05')?.da).toBe('store bededag');
    expect(closedDayOn('2024-04-26')).toBeUndefined();
    expect(closedDayOn('2025-05-16')).toBeUndefined();
    expect(closedDayOn('2027-04-23')).toBeUndefined();
  });

  it('24 December is closed all day; 5 June and 31 December from 12.00, marked as an assumption', () => {
    expect(closedDayOn('2026-12-24')).toMatchObject({ closedFrom: '00:00', assumption: false });
    expect(closedDayOn('2026-06-05')).toMatchObject({ closedFrom: '12:00', assumption: true });
    expect(closedDayOn('2026-12-31')).toMatchObject({ closedFrom: '12:00', assumption: true });
  });

  it('1 May and the days between Christmas and New Year are not treated as closed (no source for the units)', () => {
    expect(closedDayOn('2026-05-01')).toBeUndefined();
    expect(closedDayOn('2026-12-28')).toBeUndefined();
  });
});
