import { describe, expect, it } from 'vitest';
import { weeklyRows } from './weekly-phone-hours.ts';

describe('weekly phone hours', () => {
  it('puts two windows on one day in time order (Sønderborg: 8–9 and 13–14)', () => {
    const rows = weeklyRows([
      { day: 'monday', opens: '13:00', closes: '14:00' },
      { day: 'monday', opens: '08:00', closes: '09:00' },
    ]);
    expect(rows[0]).toEqual({
      day: 'monday',
      windows: [
        { opens: '08:00', closes: '09:00' },
        { opens: '13:00', closes: '14:00' },
      ],
    });
  });

  it('lists all seven days, Monday first, with no windows on days without phone hours', () => {
    const rows = weeklyRows([{ day: 'friday', opens: '08:00', closes: '13:30' }]);
    expect(rows.map((r) => r.day)).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
    expect(rows.filter((r) => r.windows.length).map((r) => r.day)).toEqual(['friday']);
  });
});
