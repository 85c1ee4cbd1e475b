import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../server/store/types.ts';
import { commandActor } from './actor.ts';
import { auditReport } from './audit-report.ts';

const entry = (changes: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-07-01T08:30:00.000Z',
  actor: { user: 'anna', sudoUser: null },
  action: 'eksport',
  outcome: 'done',
  details: {},
  ...changes,
});

describe('revisionsspor', () => {
  it('says when, what, who and how it ended, then what the action touched, in Danish time', () => {
    expect(
      auditReport([
        entry({
          action: 'eksport',
          outcome: 'begun',
          details: {
            references: ['7KQM-X3PP'],
            output: 'stdout',
            format: 'jsonl',
            choices: { kommune: 'varde', unitId: 'social-og-handicap', receivedFrom: '2026-05-31T22:00:00.000Z', receivedBefore: '2026-06-30T22:00:00.000Z', exported: false },
          },
        }),
        entry({ action: 'levering-igen', details: { references: [], choices: { allFailed: true }, counts: { deliveries: 0 } } }),
        entry({ action: 'backup', outcome: 'failed', details: { output: 'file', format: 'sqlite', reason: 'damaged' } }),
        entry({ action: 'slet-gamle', details: { choices: { olderThanDays: 1, kommune: 'aabenraa', includeNotExported: true, auditOlderThanDays: 1826 }, counts: { applications: 0, keptNotExported: 2 } } }),
      ]),
    ).toBe(
      [
        'Revisionsspor: 4 handlinger, nyeste først. Hver linje: tidspunkt (dansk tid), handling, bruger og udfald; under den, hvad handlingen rørte.',
        '',
        '2026-07-01 10:30  eksport  anna  ikke afsluttet (kører stadig, eller blev afbrudt)',
        '  Ansøgning: 7KQM-X3PP',
        '  Skrevet til: skærmen eller et program (stdout), JSON Lines',
        '  Valg: kommune varde, enhed social-og-handicap, modtaget fra 2026-06-01 00:00, modtaget før 2026-07-01 00:00, kun nye',
        '',
        '2026-07-01 10:30  levering-igen  anna  gennemført',
        '  Ingen ansøgninger',
        '  Valg: alle fejlede',
        '  Antal: intet slettet eller ændret',
        '',
        '2026-07-01 10:30  backup  anna  mislykkedes',
        '  Skrevet til: en fil (navnet gemmes ikke), en kopi af hele databasen',
        '  Fejl: kopien er beskadiget, fordi databasen er det',
        '',
        '2026-07-01 10:30  slet-gamle  anna  gennemført',
        '  Valg: kommune aabenraa, ældre end 1 dag, også dem, der ikke er eksporteret eller leveret, revisionsspor ældre end 1826 dage',
        '  Antal: 2 ansøgninger ikke slettet, fordi kommunen ikke har dem',
        '',
      ].join('\n'),
    );
  });

  it('a key rotation and a count it does not know are shown too; an unknown error code as it is', () => {
    const said = auditReport([entry({ action: 'ny-noegle', outcome: 'failed', details: { counts: { reencrypted: 12, andet: 3 } as never, reason: 'ETIMEDOUT' } })]);
    expect(said).toContain('2026-07-01 10:30  ny-noegle  anna  mislykkedes\n  Antal: 12 ansøgninger krypteret med den nye nøgle; andet: 3\n  Fejl: ETIMEDOUT\n');
  });

  it('a user name from the machine or SUDO_USER cannot move or hide text in the terminal', () => {
    const said = auditReport([entry({ actor: { user: 'root', sudoUser: 'anna\u001b[2J\u202e' } })]);
    expect(said).toContain('anna\\u001b[2J\\u202e (med sudo som root)');
    expect(said.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('an empty trail, or none that fits, says so', () => {
    expect(auditReport([])).toBe('Ingen handlinger i revisionssporet passer til valgene.\n');
  });
});

describe('who runs the command', () => {
  it('is the process’s user, and SUDO_USER beside it when sudo started it', () => {
    expect(commandActor({}, () => 'stoette')).toEqual({ user: 'stoette', sudoUser: null });
    expect(commandActor({ SUDO_USER: ' anna ' }, () => 'stoette')).toEqual({ user: 'stoette', sudoUser: 'anna' });
    expect(commandActor({ SUDO_USER: '' }, () => 'stoette')).toEqual({ user: 'stoette', sudoUser: null });
  });

  it('a user id without a name (a container’s) is recorded as its number', () => {
    const noName = () => {
      throw Object.assign(new Error('ENOENT: no such file or directory, uv_os_get_passwd'), { code: 'ENOENT' });
    };
    expect(commandActor({}, noName).user).toBe(`uid ${process.getuid!()}`);
  });

  it('by default asks the operating system', async () => {
    const { userInfo } = await import('node:os');
    expect(commandActor({}).user).toBe(userInfo().username);
  });
});
