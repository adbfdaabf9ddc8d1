// Trigram detection on full sentences, Accept-Language parsing and the basic order of the language choice.
import { describe, expect, it } from 'vitest';
import { chooseLanguage, parseAcceptLanguage } from '../../../agents/language/choose.ts';
import { detectLanguage } from '../../../agents/language/detect.ts';

const supported = [
  ['en', 'How can my company get funding for an AI project?'],
  ['en', 'Who are the members of the consortium behind the factory?'],
  ['en', 'Is there any training for teachers who want to use chatbots in class?'],
  ['en', 'Which principles underpin Luxembourg\'s AI plan?'],
  ['en', 'How do I fill in my tax return in Luxembourg?'],
  ['en', 'We are a small logistics firm and would like to understand what artificial intelligence could do for our planning, where do we start?'],
  ['fr', 'Comment mon entreprise peut-elle obtenir un financement ?'],
  ['fr', 'Quels sont les secteurs stratégiques du Luxembourg ?'],
  ['fr', 'Nous sommes une jeune pousse dans la fintech et nous cherchons de la puissance de calcul pour entraîner nos modèles, que proposez-vous ?'],
  ['de', 'Wie kann mein Unternehmen eine Förderung bekommen?'],
  ['de', 'Wann wurde der Servicekatalog vorgestellt?'],
  ['de', 'Wir sind ein mittelständischer Betrieb aus dem Bausektor und möchten wissen, welche Unterstützung es für den Einstieg in die künstliche Intelligenz gibt.'],
  ['lb', 'Wéi kann meng Firma Ënnerstëtzung kréien?'],
  ['lb', 'Wat bitt d’AI Factory fir kleng Betriber un?'],
  ['lb', 'Wéini gouf de Servicekatalog presentéiert?'],
  ['lb', 'Bitt de CNFPC technesch Formatiounen iwwer KI un?'],
  ['lb', 'Wéi gëtt d’Wieder dëse Weekend zu Lëtzebuerg?'],
  ['lb', 'Mir sinn eng kleng Firma aus dem Handwierk a wëllen wëssen, wéi mir kënschtlech Intelligenz an eisem Alldag notze kënnen.'],
] as const;

const foreign = [
  ['por', 'Como posso obter financiamento para um projeto de inteligência artificial?'],
  ['por', 'Somos uma pequena empresa portuguesa e queremos saber que apoio existe para começar a usar inteligência artificial.'],
  ['ita', 'Come posso ottenere un finanziamento per la mia azienda?'],
  ['ita', 'Siamo una piccola impresa italiana e vorremmo capire quali servizi offrite per adottare l’intelligenza artificiale.'],
  ['spa', '¿Cómo puedo obtener financiación para mi empresa de inteligencia artificial?'],
  ['spa', 'Somos una pequeña empresa española y queremos saber qué apoyo existe para empezar a usar la inteligencia artificial.'],
] as const;

describe('detectLanguage', () => {
  it.each(supported)('recognises %s: %s', (lang, text) => {
    expect(detectLanguage(text)).toMatchObject({ kind: 'supported', lang });
  });

  it.each(foreign)('recognises a language we do not speak (%s): %s', (code, text) => {
    expect(detectLanguage(text)).toEqual({ kind: 'other', iso639_3: code });
  });

  it.each(['Hello', 'Merci beaucoup', 'Moien!', 'MeluXina GPU'])('is unsure about a short message: %s', (text) => {
    expect(detectLanguage(text)).toEqual({ kind: 'unsure' });
  });
});

describe('parseAcceptLanguage', () => {
  it('orders our languages by quality and drops the others', () => {
    expect(parseAcceptLanguage('pt-PT, de-LU;q=0.8, lb;q=0.9, fr;q=0')).toEqual(['lb', 'de']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });
});

describe('chooseLanguage', () => {
  it.each([
    [{ explicit: 'lb', message: 'How can my company get funding for an AI project?' }, 'lb', 'explicit'],
    [{ message: 'Wie kann mein Unternehmen eine Förderung bekommen?', conversation: 'fr' }, 'de', 'detected'],
    [{ message: 'Merci', conversation: 'fr', acceptLanguage: 'de' }, 'fr', 'conversation'],
    [{ message: 'Danke', acceptLanguage: 'lb-LU,de;q=0.5' }, 'lb', 'header'],
    [{ message: 'ok' }, 'en', 'default'],
    [{ explicit: 'pt', acceptLanguage: 'fr' }, 'fr', 'header'],
  ] as const)('%o → %s (%s)', (inputs, lang, source) => {
    expect(chooseLanguage(inputs)).toEqual({ lang, source });
  });

  it('flags a message in another language and answers in the fallback language', () => {
    expect(chooseLanguage({ message: 'Come posso ottenere un finanziamento per la mia azienda?', acceptLanguage: 'de' })).toEqual({
      lang: 'de',
      source: 'header',
      foreign: 'ita',
    });
  });
});
