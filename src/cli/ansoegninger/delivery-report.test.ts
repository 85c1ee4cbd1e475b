import { describe, expect, it } from 'vitest';
import type { DeliveryRecord, DeliverySummary } from '../../server/store/types.ts';
import { applicationReport, failedReport, summaryReport } from './delivery-report.ts';
import { waited } from './text.ts';

const NOW = new Date('2026-12-15T09:00:00Z'); // 10:00 in Denmark

const record = (changes: Partial<DeliveryRecord>): DeliveryRecord => ({
  id: 'msg_1',
  reference: '7KQM-X3PP',
  kommune: 'varde',
  unitId: 'social-og-handicap',
  destination: 'webhook',
  state: 'pending',
  attempts: 0,
  createdAt: '2026-12-15T08:00:00.000Z',
  queuedAt: '2026-12-15T08:00:00.000Z',
  nextAttemptAt: null,
  lastError: null,
  endedAt: null,
  ...changes,
});

describe('how long the oldest has waited, in plain Danish', () => {
  it('minutes, hours and days', () => {
    expect(waited(20_000)).toBe('under 1 min');
    expect(waited(-5_000)).toBe('under 1 min'); // a clock a little behind the database's
    expect(waited(45 * 60_000)).toBe('45 min');
    expect(waited(60 * 60_000)).toBe('1 time');
    expect(waited(200 * 60_000)).toBe('3 timer 20 min');
    expect(waited(47 * 3_600_000 + 59 * 60_000)).toBe('47 timer 59 min');
    expect(waited(48 * 3_600_000)).toBe('2 døgn');
    expect(waited(76 * 3_600_000 + 30 * 60_000)).toBe('3 døgn 4 timer');
  });
});

describe('levering: per destination', () => {
  it('counts, the oldest pending job’s wait, the newest error with its reference and Danish time, and what to do about failures', () => {
    const summary: DeliverySummary[] = [
      {
        destination: 'webhook',
        pending: 2,
        delivered: 10,
        failed: 1,
        oldestPendingSince: '2026-12-15T05:40:00.000Z',
        lastError: { reference: '7KQM-X3PP', error: 'HTTP 500', at: '2026-12-14T07:12:00.000Z' },
      },
      { destination: 'e-mail', pending: 0, delivered: 12, failed: 0, oldestPendingSince: null, lastError: null },
    ];
    expect(summaryReport(summary, NOW)).toBe(
      [
        'Levering til kommunens system, pr. modtager:',
        '',
        'Modtager  Venter  Leveret  Fejlet  Ældste har ventet',
        'webhook   2       10       1       3 timer 20 min',
        'e-mail    0       12       0',
        '',
        'Seneste fejl:',
        '  webhook: 2026-12-14 08:12, 7KQM-X3PP: HTTP 500',
        '',
        '1 levering er fejlet. Se den med levering --fejlede, og send den igen med levering --igen <reference> eller --igen alle-fejlede, når fejlen er rettet.',
        '',
      ].join('\n'),
    );
  });

  it('nothing to show says why there may be nothing, and where applications are fetched instead', () => {
    expect(summaryReport([], NOW)).toBe(
      'Ingen leveringer endnu: levering til kommunens system er ikke sat op, eller der er ikke kommet ansøgninger, siden den blev sat op. ' +
        'Ansøgningerne hentes med eksport.\n',
    );
  });

  it('an error a destination wrote cannot move the terminal: control characters are shown as escapes', () => {
    const summary: DeliverySummary[] = [
      { destination: 'webhook', pending: 1, delivered: 0, failed: 0, oldestPendingSince: null, lastError: { reference: '7KQM-X3PP', error: 'HTTP 500\u001b[2J\r\u202e', at: NOW.toISOString() } },
    ];
    const text = summaryReport(summary, NOW);
    expect(text).toContain('webhook: 2026-12-15 10:00, 7KQM-X3PP: HTTP 500\\u001b[2J\\u000d\\u202e');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const failed = failedReport([record({ state: 'failed', attempts: 1, lastError: 'boom\u009b2J', endedAt: NOW.toISOString() })]);
    expect(failed).toContain('boom\\u009b2J');
  });
});

describe('levering --fejlede and --reference', () => {
  it('every failed job in a table: reference, kommune, unit, destination, attempts, when given up (Danish time), the last error', () => {
    const failed = [record({ state: 'failed', attempts: 14, lastError: 'HTTP 500', endedAt: '2026-12-14T07:12:00.000Z' })];
    expect(failedReport(failed)).toBe(
      [
        '1 levering er fejlet:',
        '',
        'Reference  Kommune  Enhed               Modtager  Forsøg  Opgivet           Sidste fejl',
        '7KQM-X3PP  varde    social-og-handicap  webhook   14      2026-12-14 08:12  HTTP 500',
        '',
        'Send den igen med levering --igen <reference> eller --igen alle-fejlede, når fejlen er rettet.',
        '',
      ].join('\n'),
    );
    expect(failedReport([...failed, record({ id: 'msg_2', state: 'failed', destination: 'e-mail', lastError: 'EAUTH' })])).toMatch(
      /^2 leveringer er fejlet:[^]*\nSend dem igen med levering --igen <reference> eller --igen alle-fejlede, når fejlen er rettet\.\n$/,
    );
    expect(failedReport([])).toBe('Ingen leveringer er fejlet.\n');
  });

  it('one application’s jobs, each with its state and when', () => {
    const jobs = [
      record({ destination: 'webhook', state: 'delivered', attempts: 1, endedAt: '2026-12-15T08:00:05.000Z' }),
      record({ destination: 'e-mail', state: 'pending', attempts: 2, nextAttemptAt: '2026-12-15T09:05:00.000Z', lastError: 'ECONNREFUSED' }),
      record({ destination: 'sag', state: 'failed', attempts: 1, endedAt: '2026-12-15T08:00:02.000Z', lastError: 'HTTP 400' }),
    ];
    expect(applicationReport(jobs)).toBe(
      [
        'Leveringer af ansøgningen 7KQM-X3PP (varde / social-og-handicap):',
        '',
        'Modtager  Status                                 Forsøg  Sat i kø          Sidste fejl',
        'webhook   leveret 2026-12-15 09:00               1       2026-12-15 09:00',
        'e-mail    venter, næste forsøg 2026-12-15 10:05  2       2026-12-15 09:00  ECONNREFUSED',
        'sag       fejlet, opgivet 2026-12-15 09:00       1       2026-12-15 09:00  HTTP 400',
        '',
        'Send de fejlede igen med levering --igen 7KQM-X3PP, når fejlen er rettet.',
        '',
      ].join('\n'),
    );
  });
});
