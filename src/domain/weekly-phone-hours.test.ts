import { describe, expect, it } from 'vitest';
import { formatClock, telHref, weeklyRows } from './weekly-phone-hours.ts';

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

  it('writes times the Danish way with a full stop and without a leading zero', () => {
    expect(formatClock('08:00', 'da')).toBe('8.00');
    expect(formatClock('13:30', 'da')).toBe('13.30');
    expect(formatClock('08:30', 'en')).toBe('8:30');
  });

  it('turns a printed phone number into an international tel: link', () => {
    expect(telHref('9945 4421')).toBe('tel:+4599454421');
    expect(telHref('27 90 43 40')).toBe('tel:+4527904340');
  });
});
