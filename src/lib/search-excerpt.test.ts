import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptSegments } from './search-excerpt.ts';

describe('a search result excerpt', () => {
  it('splits the matched words out of the text', () => {
    expect(excerptSegments('kan du få støtten efter <mark>Housing</mark> <mark>First</mark>. Her')).toEqual([
      { text: 'kan du få støtten efter ', mark: false },
      { text: 'Housing', mark: true },
      { text: ' ', mark: false },
      { text: 'First', mark: true },
      { text: '. Her', mark: false },
    ]);
  });

  it('turns escaped characters back into text, so "<script>" in a page stays text', () => {
    expect(excerptSegments('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>klage</mark>')).toEqual([
      { text: '<script>alert(1)</script> & ', mark: false },
      { text: 'klage', mark: true },
    ]);
  });

  it('drops any tag other than <mark>', () => {
    expect(excerptSegments('<img src=x onerror=alert(1)>tekst <b>fed</b>')).toEqual([{ text: 'tekst fed', mark: false }]);
  });

  it('decodes numeric entities and leaves unknown ones as they are', () => {
    expect(decodeEntities('&#248;&#xE6; &quot;x&quot; &foo;')).toBe('øæ "x" &foo;');
  });
});
