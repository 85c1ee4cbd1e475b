import { describe, expect, it } from 'vitest';
import { routingExample, type RoutingExampleStrings } from './routing-example.ts';
import { STRINGS } from '../i18n/index.ts';
import { ageBandWords } from './age-band-text.ts';
import { kommune, kommuner } from '../../tests/support/kommuner.ts';

const strings = (lang: 'da' | 'en'): RoutingExampleStrings => STRINGS[lang].statement.privacy.routingExample;
const all = Object.values(kommuner).sort((a, b) => a.name.localeCompare(b.name, 'da'));

describe('the privacy notice’s routing example, from the content data', () => {
  it('names Brønderslev’s rule for under-30s without førtidspension as its standard states it', () => {
    expect(routingExample(all, strings('da'), ageBandWords('da'))).toBe('I Brønderslev går ansøgninger fx til <da>UngeCentret</da>, hvis du er under 30 år og ikke får førtidspension.');
    expect(routingExample(all, strings('en'), ageBandWords('en'))).toBe(
      'In Brønderslev, for example, applications go to <da>UngeCentret</da> if you are under 30 and do not receive early retirement pension.',
    );
  });

  it('follows the data when the rule changes: an age band without pension (Frederikssund)', () => {
    expect(routingExample([kommune('frederikssund')], strings('da'), ageBandWords('da'))).toBe('I Frederikssund går ansøgninger fx til <da>Ungekontakten</da>, hvis du er 15–29 år.');
  });

  it('a rule from an age up is worded as such', () => {
    const k = kommune('frederikssund');
    const rule = { ...k.routing.rules[0]!, belowAge: null };
    expect(routingExample([{ ...k, routing: { ...k.routing, rules: [rule] } }], strings('en'), ageBandWords('en'))).toBe(
      'In Frederikssund, for example, applications go to <da>Ungekontakten</da> if you are aged 15 or older.',
    );
  });

  it('says nothing when every kommune has one unit for everyone', () => {
    expect(routingExample([kommune('varde'), kommune('aabenraa')], strings('da'), ageBandWords('da'))).toBeNull();
  });
});
