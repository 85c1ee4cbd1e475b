import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, VARIABLES, loadConfig, type VariableName } from './config.ts';

/** The message of the ConfigError an environment gives. */
function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('the settings with nothing set', () => {
  it('are the defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4321,
      host: 'localhost',
      siteUrl: 'http://localhost:4321',
      siteContactEmail: null,
      retentionDays: 30,
      auditRetentionDays: 1826,
      dataDir: 'data',
      store: { kind: 'sqlite', file: 'data/applications.sqlite', groupCommit: true, encryption: null },
      trustedProxies: [],
      rateLimit: { capacity: 30, windowSeconds: 600 },
      receiptRateLimit: { capacity: 60, windowSeconds: 600 },
      delivery: { destinations: [] },
      metrics: null,
    });
  });

  it('a blank variable is unset', () => {
    expect(loadConfig(Object.fromEntries(VARIABLES.map((name) => [name, ' '])))).toEqual(loadConfig({}));
  });

  it('the defaults written for the README are the ones used', () => {
    const written = Object.fromEntries(Object.entries(DEFAULTS).filter(([, value]) => value !== null)) as Record<string, string>;
    expect(loadConfig(written)).toEqual(loadConfig({}));
  });
});

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const KEY = Buffer.alloc(32, 1);
const OLD_KEY = Buffer.alloc(32, 2);
const deliveryFile = join(mkdtempSync(join(tmpdir(), 'stoette-config-')), 'levering.json');
writeFileSync(deliveryFile, JSON.stringify({ destinations: [{ id: 'sbsys', type: 'webhook', url: 'https://sag.example.dk/ind', secret: SECRET, kommune: 'varde' }] }));
const webhook = { DELIVERY_WEBHOOK_URL: 'https://sag.example.dk/ind', DELIVERY_WEBHOOK_SECRET: SECRET };
const email = { DELIVERY_SMTP_URL: 'smtps://bruger:kode@smtp.example.dk', DELIVERY_EMAIL_FROM: 'portal@example.dk', DELIVERY_EMAIL_TO: 'sag@example.dk' };
const emailDestination = { type: 'email', id: 'e-mail', smtpUrl: email.DELIVERY_SMTP_URL, from: 'portal@example.dk', attachDocument: false, fetchHint: null, kommune: null, units: null };

// For every variable: a valid value (with the variables it needs), what it gives, and a wrong value with the message that stops the start.
const cases: Record<VariableName, { valid: [string, object, Record<string, string>?]; bad: [string, string] }> = {
  PORT: { valid: ['8080', { port: 8080, siteUrl: 'http://localhost:8080' }], bad: ['80a', 'PORT skal være et portnummer, et helt tal fra 0 til 65535, fx 8080 (fik "80a")'] },
  HOST: { valid: ['0.0.0.0', { host: '0.0.0.0' }], bad: ['my host', 'HOST skal være et værtsnavn eller en IP-adresse, fx 0.0.0.0 (fik "my host")'] },
  SITE_URL: {
    valid: ['https://stoette.example.dk/', { siteUrl: 'https://stoette.example.dk' }],
    bad: ['stoette.example.dk', 'SITE_URL skal være en hel adresse med http:// eller https://, fx https://stoette.example.dk (fik "stoette.example.dk")'],
  },
  SITE_CONTACT_EMAIL: {
    valid: [' tilgaengelighed@kommune.dk ', { siteContactEmail: 'tilgaengelighed@kommune.dk' }],
    bad: ['kommunen', 'SITE_CONTACT_EMAIL skal være en e-mailadresse, fx tilgaengelighed@kommune.dk (fik "kommunen")'],
  },
  RETENTION_DAYS: { valid: ['60', { retentionDays: 60 }], bad: ['30 dage', 'RETENTION_DAYS skal være et helt antal dage, 1 eller flere, fx 30 (fik "30 dage")'] },
  AUDIT_RETENTION_DAYS: {
    valid: ['3653', { auditRetentionDays: 3653 }],
    bad: ['5 år', 'AUDIT_RETENTION_DAYS skal være et helt antal dage, 1 eller flere, fx 1826 (5 år) (fik "5 år")'],
  },
  DATA_DIR: { valid: ['/srv/stoette', { dataDir: '/srv/stoette', store: { kind: 'sqlite', file: '/srv/stoette/applications.sqlite' } }], bad: ['', ''] },
  DATABASE_URL: {
    valid: ['postgres://stoette:hemmeligt@db.internal:5432/stoette', { store: { kind: 'postgres', connectionString: 'postgres://stoette:hemmeligt@db.internal:5432/stoette', poolSize: 10, encryption: null } }],
    // The value may hold a password: it is not repeated.
    bad: ['mysql://stoette:hemmeligt@db/stoette', 'DATABASE_URL skal begynde med postgres:// eller postgresql://'],
  },
  DATABASE_POOL_SIZE: { valid: ['25', {}], bad: ['ti', 'DATABASE_POOL_SIZE skal være et helt tal fra 1 (fik "ti")'] },
  SQLITE_GROUP_COMMIT: { valid: ['off', { store: { kind: 'sqlite', groupCommit: false } }], bad: ['nej', 'SQLITE_GROUP_COMMIT skal være on eller off (fik "nej")'] },
  DATA_ENCRYPTION_KEY: {
    valid: [KEY.toString('base64'), { store: { encryption: { key: KEY, oldKeys: [] } } }],
    // A key is a secret: never repeated, not even a wrong one (it may be a real key cut short).
    bad: [KEY.toString('base64').slice(0, 40), 'DATA_ENCRYPTION_KEY skal være en nøgle: 32 tilfældige byte skrevet i base64 (44 tegn), som "openssl rand -base64 32" laver dem'],
  },
  DATA_ENCRYPTION_OLD_KEYS: {
    valid: [`${OLD_KEY.toString('base64')}, ${KEY.toString('base64url')}`, { store: { encryption: { key: KEY, oldKeys: [OLD_KEY] } } }, { DATA_ENCRYPTION_KEY: KEY.toString('base64') }],
    bad: [
      `${OLD_KEY.toString('base64')},${Buffer.alloc(16, 3).toString('base64')}`,
      'DATA_ENCRYPTION_OLD_KEYS skal være tidligere nøgler adskilt af komma, hver 32 tilfældige byte skrevet i base64 (44 tegn), som "openssl rand -base64 32" laver dem; nummer 2 er ikke en nøgle',
    ],
  },
  TRUSTED_PROXIES: {
    valid: ['10.0.0.0/8, 127.0.0.1', { trustedProxies: ['10.0.0.0/8', '127.0.0.1'] }],
    bad: ['10.0.0.0/33', 'TRUSTED_PROXIES skal være IP-adresser eller net adskilt af komma, fx 10.0.0.0/8, 127.0.0.1 eller loopback; "10.0.0.0/33" er ingen af delene (fik "10.0.0.0/33")'],
  },
  RATE_LIMIT: { valid: ['1000000/1', { rateLimit: { capacity: 1_000_000, windowSeconds: 1 } }], bad: ['30 pr. 10 min', 'RATE_LIMIT skal være antal ansøgninger pr. antal sekunder, fx 30/600 (fik "30 pr. 10 min")'] },
  RECEIPT_RATE_LIMIT: { valid: ['120/600', { receiptRateLimit: { capacity: 120, windowSeconds: 600 } }], bad: ['60', 'RECEIPT_RATE_LIMIT skal være antal opslag pr. antal sekunder, fx 60/600 (fik "60")'] },
  DELIVERY_WEBHOOK_URL: {
    valid: ['http://localhost:9000/ind', { delivery: { destinations: [{ type: 'webhook', id: 'webhook', url: 'http://localhost:9000/ind', secret: SECRET, kommune: null, units: null }] } }, { DELIVERY_WEBHOOK_SECRET: SECRET }],
    bad: ['sag.example.dk', 'DELIVERY_WEBHOOK_URL skal være en hel adresse med https:// (eller http://), fx https://sag.kommune.dk/stoetteportalen'],
  },
  DELIVERY_WEBHOOK_SECRET: {
    valid: [SECRET, { delivery: { destinations: [expect.objectContaining({ secret: SECRET })] } }, { DELIVERY_WEBHOOK_URL: webhook.DELIVERY_WEBHOOK_URL }],
    // A secret is never repeated in a message.
    bad: ['hemmelig', 'DELIVERY_WEBHOOK_SECRET skal være en Standard Webhooks-nøgle: whsec_ og base64'],
  },
  DELIVERY_SMTP_URL: {
    valid: [email.DELIVERY_SMTP_URL, { delivery: { destinations: [{ ...emailDestination, to: ['sag@example.dk'] }] } }, email],
    bad: ['https://bruger:kode@smtp.example.dk', 'DELIVERY_SMTP_URL skal begynde med smtps:// eller smtp://, fx smtps://bruger:adgangskode@smtp.kommune.dk:465'],
  },
  DELIVERY_EMAIL_FROM: {
    valid: ['portal@example.dk', { delivery: { destinations: [expect.objectContaining({ from: 'portal@example.dk' })] } }, email],
    bad: ['portalen', 'DELIVERY_EMAIL_FROM skal være en e-mailadresse, fx sagsteam@kommune.dk (fik "portalen")'],
  },
  DELIVERY_EMAIL_TO: {
    valid: ['sag@example.dk, visitation@example.dk', { delivery: { destinations: [{ ...emailDestination, to: ['sag@example.dk', 'visitation@example.dk'] }] } }, email],
    bad: ['sag@example.dk, visitationen', 'DELIVERY_EMAIL_TO skal være en e-mailadresse, fx sagsteam@kommune.dk (fik "sag@example.dk, visitationen")'],
  },
  METRICS_PORT: { valid: ['9464', { metrics: { port: 9464, host: '127.0.0.1' } }], bad: ['prometheus', 'METRICS_PORT skal være et portnummer, et helt tal fra 0 til 65535, fx 9464 (fik "prometheus")'] },
  METRICS_HOST: {
    valid: ['10.0.0.5', { metrics: { port: 9464, host: '10.0.0.5' } }, { METRICS_PORT: '9464' }],
    bad: ['http://10.0.0.5', 'METRICS_HOST skal være et værtsnavn eller en IP-adresse, fx 127.0.0.1 (fik "http://10.0.0.5")'],
  },
  DELIVERY_CONFIG: {
    valid: [deliveryFile, { delivery: { destinations: [{ id: 'sbsys', type: 'webhook', url: 'https://sag.example.dk/ind', secret: SECRET, kommune: 'varde', units: null }] } }],
    bad: ['/no/such/levering.json', 'DELIVERY_CONFIG (/no/such/levering.json): kan ikke læses (ENOENT)'],
  },
};

describe.each(VARIABLES)('%s', (name) => {
  const { valid, bad } = cases[name];
  it('a valid value is used', () => {
    expect(loadConfig({ ...valid[2], [name]: valid[0] })).toMatchObject(valid[1]);
  });
  if (name === 'DATA_DIR') {
    it('any path is a valid value (whether it can be used shows when the store opens)', () => {
      expect(loadConfig({ DATA_DIR: 'data/e2e' }).dataDir).toBe('data/e2e');
    });
  } else {
    it('a wrong value stops with a message naming the variable and what is wrong', () => {
      expect(problem({ [name]: bad[0] })).toBe(bad[1]);
    });
  }
});

describe('the rules between variables', () => {
  it('the pool size counts with DATABASE_URL, and DATA_DIR does not', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/stoette', DATABASE_POOL_SIZE: '25', DATA_DIR: '/ignored' }).store).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://db/stoette',
      poolSize: 25,
      encryption: null,
    });
  });

  it('old keys need the current key; the current key among the old ones, or an old one twice, counts once', () => {
    expect(problem({ DATA_ENCRYPTION_OLD_KEYS: OLD_KEY.toString('base64') })).toBe(
      'DATA_ENCRYPTION_OLD_KEYS kræver også DATA_ENCRYPTION_KEY: den nøgle, der skrives med nu (README: "Keys")',
    );
    const both = loadConfig({
      DATA_ENCRYPTION_KEY: KEY.toString('base64'),
      DATA_ENCRYPTION_OLD_KEYS: [OLD_KEY, KEY, OLD_KEY].map((k) => k.toString('base64')).join(','),
    });
    expect(both.store.encryption).toEqual({ key: KEY, oldKeys: [OLD_KEY] });
  });

  it('a key that is not 32 bytes, or not base64, is refused without repeating it', () => {
    for (const value of [Buffer.alloc(31, 1).toString('base64'), Buffer.alloc(33, 1).toString('base64'), `${KEY.toString('base64').slice(0, 43)}!`, 'hemmelig']) {
      const message = problem({ DATA_ENCRYPTION_KEY: value });
      expect(message).toMatch(/^DATA_ENCRYPTION_KEY skal være en nøgle/);
      expect(message).not.toContain(value);
    }
  });

  it('ports, pool sizes and rates are whole numbers in range', () => {
    for (const port of ['0', '65535']) expect(loadConfig({ PORT: port }).port).toBe(Number(port));
    for (const env of [{ PORT: '65536' }, { PORT: '-1' }, { DATABASE_POOL_SIZE: '0' }, { RATE_LIMIT: '0/600' }, { RECEIPT_RATE_LIMIT: '60/0' }, { RETENTION_DAYS: '0' }, { AUDIT_RETENTION_DAYS: '0' }]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    }
  });

  it('names every wrong variable at once, one a line', () => {
    expect(problem({ PORT: 'x', TRUSTED_PROXIES: 'alle', HOST: 'localhost' }).split('\n')).toEqual([
      'PORT skal være et portnummer, et helt tal fra 0 til 65535, fx 8080 (fik "x")',
      'TRUSTED_PROXIES skal være IP-adresser eller net adskilt af komma, fx 10.0.0.0/8, 127.0.0.1 eller loopback; "alle" er ingen af delene (fik "alle")',
    ]);
  });

  it('the delivery variables that work together name the ones missing', () => {
    expect(problem({ DELIVERY_WEBHOOK_URL: webhook.DELIVERY_WEBHOOK_URL })).toBe('DELIVERY_WEBHOOK_URL kræver også DELIVERY_WEBHOOK_SECRET');
    expect(problem({ DELIVERY_SMTP_URL: email.DELIVERY_SMTP_URL, DELIVERY_EMAIL_TO: 'sag@example.dk' })).toBe(
      'DELIVERY_SMTP_URL og DELIVERY_EMAIL_TO kræver også DELIVERY_EMAIL_FROM',
    );
  });

  it('the environment’s destinations and the file’s are used together', () => {
    const { destinations } = loadConfig({ ...webhook, ...email, DELIVERY_CONFIG: deliveryFile }).delivery;
    expect(destinations.map((d) => d.id)).toEqual(['webhook', 'e-mail', 'sbsys']);
  });

  it('the metrics have a port of their own, never the site’s, and METRICS_HOST alone opens nothing', () => {
    expect(problem({ METRICS_PORT: '4321' })).toBe('METRICS_PORT skal være en anden port end PORT (4321): målingerne har deres egen port');
    expect(problem({ PORT: '8080', METRICS_PORT: '8080' })).toBe('METRICS_PORT skal være en anden port end PORT (8080): målingerne har deres egen port');
    expect(loadConfig({ PORT: '0', METRICS_PORT: '0' }).metrics).toEqual({ port: 0, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_HOST: '0.0.0.0' }).metrics).toBeNull();
  });

  it('an HTML-breaking contact address is refused (it is written into the page)', () => {
    expect(() => loadConfig({ SITE_CONTACT_EMAIL: 'a@b.dk"><script>' })).toThrow(ConfigError);
  });
});

describe('TRUSTED_PROXIES', () => {
  const proxies = (value: string) => loadConfig({ TRUSTED_PROXIES: value }).trustedProxies;

  it('takes addresses and CIDR ranges, IPv4 and IPv6, and proxy-addr’s names, separated by commas', () => {
    expect(proxies('10.0.0.0/8,127.0.0.1 ,  ::1, fd00::/8, 2001:db8::7')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', '2001:db8::7']);
    expect(proxies('loopback, linklocal, uniquelocal')).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(proxies('192.168.0.0/255.255.0.0')).toEqual(['192.168.0.0/255.255.0.0']);
  });

  it('the old count of proxies is refused at start, saying to write the proxies’ addresses instead; 0 still means none', () => {
    const instead = 'skal nu være proxyernes adresser eller net, ikke deres antal: skriv de adresser, som proxyen eller load balanceren kommer fra, fx 10.0.0.0/8, 127.0.0.1 eller loopback';
    expect(problem({ TRUSTED_PROXIES: '1' })).toBe(`TRUSTED_PROXIES ${instead} (fik "1")`);
    expect(problem({ TRUSTED_PROXIES: '2' })).toBe(`TRUSTED_PROXIES ${instead} (fik "2")`);
    expect(proxies('0')).toEqual([]);
  });

  it('refuses what is not an address or a network, naming the part, and a range that would trust everyone', () => {
    for (const [value, part] of <[string, string][]>[
      ['10.0.0.1, nginx', 'nginx'],
      ['10.0.0.0/8,', ''],
      ['1.5', '1.5'],
      ['0.0.0.0/0', '0.0.0.0/0'],
      ['::/0', '::/0'],
      ['10.0.0.1/abc', '10.0.0.1/abc'],
      ['*', '*'],
    ]) {
      expect(problem({ TRUSTED_PROXIES: value }), value).toBe(
        `TRUSTED_PROXIES skal være IP-adresser eller net adskilt af komma, fx 10.0.0.0/8, 127.0.0.1 eller loopback; "${part}" er ingen af delene (fik "${value}")`,
      );
    }
  });
});

describe('the README', () => {
  it('lists every variable with its default in "Environment variables"', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Environment variables'));
    for (const name of VARIABLES) {
      const fallback = name === 'SITE_URL' ? 'http://localhost:<PORT>' : DEFAULTS[name];
      expect(section, name).toContain(`| \`${name}\` | ${fallback === null ? '—' : `\`${fallback}\``} |`);
    }
  });
});
