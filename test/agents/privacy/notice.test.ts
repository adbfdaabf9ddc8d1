// The notice that tells the teacher, in their language, which kinds of personal data were removed.
import { describe, expect, it } from 'vitest';
import { redactionNotice } from '../../../agents/privacy/notice.ts';
import { redact } from '../../../agents/privacy/redact.ts';
import { createI18n } from '../../../locales/index.ts';

const i18n = createI18n();

describe('redactionNotice', () => {
  it('names one kind in each language', () => {
    const found = [{ kind: 'email' as const, count: 1 }];
    expect(redactionNotice(found, i18n.forLang('en'))).toBe('I removed an e-mail address before saving your message or passing it on.');
    expect(redactionNotice(found, i18n.forLang('fr'))).toBe("J'ai retiré une adresse e-mail avant d'enregistrer votre message ou de le transmettre.");
    expect(redactionNotice(found, i18n.forLang('de'))).toBe('Bevor ich Ihre Nachricht gespeichert oder weitergegeben habe, habe ich eine E-Mail-Adresse entfernt.');
    expect(redactionNotice(found, i18n.forLang('lb'))).toBe('Ier ech Äre Message gespäichert oder weidergeleet hunn, hunn ech eng E-Mail-Adress ewechgeholl.');
  });

  it('lists two kinds with "and", more with commas, and counts above one', () => {
    expect(redactionNotice([{ kind: 'email', count: 1 }, { kind: 'name', count: 1 }], i18n.forLang('en'))).toBe(
      "I removed an e-mail address and a pupil's name before saving your message or passing it on.",
    );
    expect(redactionNotice([{ kind: 'phone', count: 2 }, { kind: 'address', count: 1 }, { kind: 'name', count: 3 }], i18n.forLang('fr'))).toBe(
      "J'ai retiré 2 numéros de téléphone, une adresse postale et les noms de 3 élèves avant d'enregistrer votre message ou de le transmettre.",
    );
    expect(redactionNotice([{ kind: 'iban', count: 1 }, { kind: 'id-number', count: 2 }], i18n.forLang('de'))).toBe(
      'Bevor ich Ihre Nachricht gespeichert oder weitergegeben habe, habe ich eine Kontonummer (IBAN) und 2 nationale Identifikationsnummern (Matrikelnummern) entfernt.',
    );
    expect(redactionNotice([{ kind: 'phone', count: 1 }, { kind: 'name', count: 1 }], i18n.forLang('lb'))).toBe(
      'Ier ech Äre Message gespäichert oder weidergeleet hunn, hunn ech eng Telefonsnummer an den Numm vun engem Schüler ewechgeholl.',
    );
    expect(redactionNotice([{ kind: 'phone', count: 2 }, { kind: 'name', count: 3 }], i18n.forLang('lb'))).toBe(
      "Ier ech Äre Message gespäichert oder weidergeleet hunn, hunn ech 2 Telefonsnummeren an d'Nimm vun 3 Schüler ewechgeholl.",
    );
  });

  it('says nothing when nothing was removed', () => {
    expect(redactionNotice([], i18n.forLang('en'))).toBe('');
  });

  it('has a sentence for every kind redact can report, in every language', () => {
    const { found } = redact(
      'My pupil Max (max@school.lu, 621 123 456, LU28 0019 4006 4475 0000, 1985031512371) lives at 12, rue de la Gare.',
      'en',
    );
    expect(found.map(({ kind }) => kind)).toEqual(['email', 'iban', 'id-number', 'phone', 'address', 'name']);
    for (const lang of ['en', 'fr', 'de', 'lb'] as const) {
      const notice = redactionNotice(found, i18n.forLang(lang));
      expect(notice, lang).not.toMatch(/privacy:|kinds\.|{{/);
      expect(notice.length, lang).toBeGreaterThan(80);
    }
  });
});
