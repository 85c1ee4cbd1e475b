import { describe, expect, it } from 'vitest';
import { createApplicationForm } from './formkit.ts';

describe('FormKit owns the application form’s answers and messages', () => {
  it('starts with the given answers, every field present, and records what is typed', () => {
    const form = createApplicationForm({ who: 'self', needs: ['sundhed'] });
    expect(form.values()).toMatchObject({ who: 'self', needs: ['sundhed'], name: '', onBehalfName: '' });
    form.set('name', 'Sofie Jensen');
    form.set('needs', ['sundhed', 'socialt-liv']);
    expect(form.values()).toMatchObject({ name: 'Sofie Jensen', needs: ['sundhed', 'socialt-liv'] });
  });

  it('holds each field’s messages and the form’s own, and replaces them all at once', () => {
    const form = createApplicationForm({});
    form.showMessages(['Der skete en fejl.'], { name: ['Skriv det fulde navn.'], cpr: ['Skriv et gyldigt CPR-nummer.', 'Det passer ikke med fødselsdatoen.'] });
    expect(form.formMessages()).toEqual(['Der skete en fejl.']);
    expect(form.messages('name')).toEqual(['Skriv det fulde navn.']);
    expect(form.messages('cpr')).toEqual(['Skriv et gyldigt CPR-nummer.', 'Det passer ikke med fødselsdatoen.']);
    expect(form.messages('email')).toEqual([]);

    form.showMessages([], { email: ['Skriv en gyldig e-mail.'] });
    expect(form.formMessages()).toEqual([]);
    expect(form.messages('name')).toEqual([]);
    expect(form.messages('cpr')).toEqual([]);
    expect(form.messages('email')).toEqual(['Skriv en gyldig e-mail.']);
    // The messages are FormKit's own: error messages in the nodes' stores.
    expect(Object.values(form.node.at('email')!.store).map((m) => [m.type, m.value])).toEqual([['error', 'Skriv en gyldig e-mail.']]);
  });

  it('drops the messages of the fields asked for, and keeps the rest', () => {
    const form = createApplicationForm({});
    form.showMessages(['Prøv igen.'], { phone: ['Skriv dit telefonnummer.'], consentInformation: ['Svar ja eller nej.'] });
    form.dropMessages((field) => field === 'phone');
    expect(form.messages('phone')).toEqual([]);
    expect(form.messages('consentInformation')).toEqual(['Svar ja eller nej.']);
    expect(form.formMessages()).toEqual(['Prøv igen.']);
  });

  it('tells a listener when a message comes and goes, so the island renders again', () => {
    const form = createApplicationForm({});
    const events: string[] = [];
    form.node.on('message-added.deep', () => events.push('added'));
    form.node.on('message-removed.deep', () => events.push('removed'));
    form.showMessages([], { name: ['Skriv det fulde navn.'] });
    form.showMessages([], {});
    expect(events).toEqual(['added', 'removed']);
  });
});
