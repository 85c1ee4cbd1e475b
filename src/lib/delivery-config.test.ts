import { describe, expect, it } from 'vitest';
import { readKommuner } from './content-files.ts';
import { deliveryProblems, outboxPlan, parseDeliveryFile, type DestinationSetting } from './delivery-config.ts';

const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
const webhook = (extra: Record<string, unknown> = {}) => ({ id: 'sbsys', type: 'webhook', url: 'https://sag.example.dk/ind', secret: SECRET, ...extra });
const email = (extra: Record<string, unknown> = {}) => ({ id: 'post', type: 'email', smtpUrl: 'smtps://relay.example.dk', from: 'a@example.dk', to: ['b@example.dk'], ...extra });
const parse = (destinations: unknown[]) => parseDeliveryFile(JSON.stringify({ destinations }));

describe('a DELIVERY_CONFIG file', () => {
  it('gives each destination with its scope and defaults', () => {
    expect(parse([webhook({ kommune: 'bronderslev', units: ['ungecentret'] }), email()])).toEqual({
      ok: true,
      destinations: [
        { id: 'sbsys', type: 'webhook', url: 'https://sag.example.dk/ind', secret: SECRET, kommune: 'bronderslev', units: ['ungecentret'] },
        { id: 'post', type: 'email', smtpUrl: 'smtps://relay.example.dk', from: 'a@example.dk', to: ['b@example.dk'], attachDocument: false, fetchHint: null, kommune: null, units: null },
      ],
    });
  });

  it('names the field of each problem', () => {
    const problems = (destinations: unknown[]) => {
      const result = parse(destinations);
      return result.ok ? [] : result.problems;
    };
    expect(problems([webhook({ secret: 'abc' })])).toEqual(['destinations.0.secret skal være en Standard Webhooks-nøgle: whsec_ og base64']);
    expect(problems([webhook({ id: 'SBSYS 1' })])[0]).toMatch(/^destinations\.0\.id skal være små bogstaver/);
    expect(problems([webhook({ url: 'https://bruger:kode@sag.example.dk/' })])[0]).toMatch(/^destinations\.0\.url må ikke have brugernavn, adgangskode eller #/);
    expect(problems([webhook({ typo: true })])[0]).toMatch(/^destinations\.0/);
    expect(problems([{ id: 'x', type: 'ftp' }])[0]).toMatch(/^destinations\.0\.type skal have "type": "webhook" eller "email"/);
    expect(problems([webhook({ units: ['ungecentret'] })])).toEqual(['destinations.0.units kræver "kommune": enhederne er en kommunes']);
    expect(problems([email({ smtpUrl: 'smtp://relay.example.dk', attachDocument: true })])[0]).toMatch(/^destinations\.0\.attachDocument kræver en SMTP-server kun over TLS/);
    expect(problems([email({ to: [] })])).toEqual(['destinations.0.to skal have mindst én modtager']);
  });

  it('never repeats the file around a JSON error (it may be a secret), at most where it is', () => {
    expect(parseDeliveryFile('{ "destinations": [\n  { "smtpUrl": smtps://bruger:hemmelig@relay } ] }')).toEqual({
      ok: false,
      problems: ['er ikke gyldig JSON (tjek anførselstegn, kommaer og klammer)'],
    });
    expect(parseDeliveryFile('{ "destinations": [\n  { "id": "a" } { "id": "b" } ] }')).toEqual({ ok: false, problems: ['er ikke gyldig JSON (linje 2, tegn 17)'] });
  });
});

describe('destinations against the content', () => {
  const kommuner = readKommuner();
  const setting = (extra: Partial<DestinationSetting>): DestinationSetting =>
    ({ type: 'webhook', id: 'sbsys', url: 'https://x.dk/', secret: SECRET, kommune: null, units: null, ...extra }) as DestinationSetting;

  it('names an unknown kommune or unit, and two destinations with one id', () => {
    expect(deliveryProblems([setting({ kommune: 'bronderslev', units: ['ungecentret'] })], kommuner)).toEqual([]);
    expect(deliveryProblems([setting({ kommune: 'aarhus' })], kommuner)[0]).toMatch(/^destinationen "sbsys" nævner kommunen "aarhus", som portalen ikke har/);
    expect(deliveryProblems([setting({ kommune: 'varde', units: ['ungecentret'] })], kommuner)[0]).toMatch(/nævner enheden "ungecentret", som varde ikke har \(social-og-handicap\)/);
    expect(deliveryProblems([setting({}), setting({})], kommuner)).toEqual(['to destinationer hedder "sbsys"; hver skal have sit eget id']);
  });

  it('plans each application’s jobs by its kommune and unit; an e-mail carries the application only with the document', () => {
    const plan = outboxPlan({
      destinations: [
        setting({ id: 'alle' }),
        setting({ id: 'unge', kommune: 'bronderslev', units: ['ungecentret'] }),
        { type: 'email', id: 'post', smtpUrl: 'smtps://r', from: 'a@b.dk', to: ['c@d.dk'], attachDocument: false, fetchHint: null, kommune: 'bronderslev', units: null },
      ],
    });
    expect(plan('bronderslev', 'ungecentret')).toEqual([
      { id: 'alle', carriesApplication: true },
      { id: 'unge', carriesApplication: true },
      { id: 'post', carriesApplication: false },
    ]);
    expect(plan('bronderslev', 'visitationen').map((d) => d.id)).toEqual(['alle', 'post']);
    expect(plan('varde', 'social-og-handicap').map((d) => d.id)).toEqual(['alle']);
  });
});
