import { describe, expect, it } from 'vitest';
import { decodeForm, formPageFromReferer } from './form-decoding.ts';

describe('the no-JavaScript form’s post, decoded', () => {
  it('fields become form values, `needs` a list, the hidden fields apart; CRLF becomes LF', () => {
    const text = new URLSearchParams([
      ['kommune', 'bronderslev'],
      ['lang', 'en'],
      ['who', 'on-behalf'],
      ['onBehalfName', 'Hanne'],
      ['needs', 'sundhed'],
      ['needs', 'socialt-liv'],
      ['description', 'Linje 1\r\nLinje 2'],
    ]).toString();
    expect(decodeForm(text)).toEqual({
      values: { who: 'on-behalf', onBehalfName: 'Hanne', needs: ['sundhed', 'socialt-liv'], description: 'Linje 1\nLinje 2' },
      hidden: { kommune: 'bronderslev', lang: 'en' },
      unknown: null,
    });
  });

  it('a field given twice keeps the first; an unknown or prototype name is named', () => {
    expect(decodeForm('name=A&name=B').values).toEqual({ name: 'A' });
    expect(decodeForm('name=A&helperName=B&x=1').unknown).toBe('helperName');
    expect(decodeForm('__proto__=1').unknown).toBe('__proto__');
  });
});

describe('the form page a post came from (its Referer)', () => {
  const url = new URL('http://localhost:4321/api/ansoegninger');
  const from = (referer: string | null) => formPageFromReferer(new Request(url, { method: 'POST', headers: referer ? { referer } : {} }), url, ['bronderslev', 'varde', 'ny-by']);

  it('the Danish and the English form page of a kommune', () => {
    expect(from('http://localhost:4321/bronderslev/ansoeg/')).toEqual({ lang: 'da', kommune: 'bronderslev' });
    expect(from('http://localhost:4321/en/varde/ansoeg/')).toEqual({ lang: 'en', kommune: 'varde' });
    expect(from('http://localhost:4321/ny-by/ansoeg/')).toEqual({ lang: 'da', kommune: 'ny-by' });
  });

  it('no page for another origin, another page, an unknown kommune, no Referer or one that is not a URL', () => {
    expect(from('https://example.org/bronderslev/ansoeg/')).toBeNull();
    expect(from('http://localhost:4321/bronderslev/kontakt/')).toBeNull();
    expect(from('http://localhost:4321/atlantis/ansoeg/')).toBeNull();
    expect(from(null)).toBeNull();
    expect(from('http://[::1')).toBeNull();
  });
});
