// The reply's language on visitors' messages: short ones in each language, foreign ones, and conversations that switch or keep.
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../agents/language/choose.ts';
import type { Lang } from '../../../agents/language/languages.ts';
import type { Vocabulary } from '../../../agents/language/vocabulary.ts';

// [message, expected language, conversation language, Accept-Language]: the context is given where it matters,
// mostly a different one, so that the message itself must decide.
type Case = readonly [message: string, expected: Lang, conversation?: Lang | null, acceptLanguage?: string];

// Short messages (1–4 words) as visitors type them: lower case, typos, missing accents, names and loanwords.
const short: Record<Lang, Case[]> = {
  en: [
    ['what is MeluXina', 'en', 'de'],
    ['how many AI Factories?', 'en', null, 'fr'],
    ['who runs Luxinnovation?', 'en', null, 'de'],
    ['can i apply', 'en', null, 'lb'],
    ['whats the price', 'en', null, 'fr'],
    ['is it free?', 'en', 'de'],
    ['where is LIST', 'en', null, 'fr'],
    ['how much is it?', 'en', 'lb'],
    ['when does it open', 'en', 'fr'],
    ['who is eligible', 'en', null, 'de'],
    ['i need help', 'en', 'lb'],
    ['do you speak english', 'en', 'fr'],
    ['where can i register', 'en', 'de'],
    ['wht is meluxina', 'en', null, 'fr'],
    ['training for teachers', 'en', null, 'lb'],
    ['hello', 'en', null, 'de'],
    ['thanks', 'en', 'en', 'fr'],
    ['ok', 'en', 'en', 'de'],
    ['yes please', 'en', 'en', 'lb'],
    ['GPU access?', 'en', 'en', 'fr'],
    ['EuroHPC', 'en', null, 'en'],
    ['start-up cloud credits', 'en'],
  ],
  fr: [
    ["c'est quoi MeluXina", 'fr', null, 'en'],
    ['c’est gratuit?', 'fr', 'en'],
    ['cest gratuit', 'fr', null, 'de'],
    ['combien ca coute', 'fr', 'en'],
    ["qu'est-ce que LIST", 'fr', null, 'de'],
    ['combien de GPU', 'fr', null, 'en'],
    ['pour les PME?', 'fr', null, 'en'],
    ['je voudrais une formation', 'fr', 'de'],
    ['nous sommes une start-up', 'fr', 'en'],
    ["ou s'inscrire", 'fr', null, 'lb'],
    ['quel prix', 'fr', null, 'en'],
    ['je peux venir?', 'fr', 'de'],
    ['qui dirige Luxinnovation', 'fr', null, 'en'],
    ['pourquoi', 'fr', null, 'de'],
    ['aide svp', 'fr', null, 'en'],
    ['bonjour', 'fr', null, 'en'],
    ['merci', 'fr', 'fr', 'en'],
    ['merci', 'fr', null, 'fr-FR,en;q=0.5'],
    ['ok merci', 'fr', 'fr', 'de'],
    ["d'accord", 'fr', 'fr', 'en'],
    ['oui', 'fr', 'fr', 'de'],
    ['cloud souverain?', 'fr', null, 'fr'],
  ],
  de: [
    ['was ist Meluxina?', 'de', null, 'en'],
    ['was ist MeluXina', 'de', 'en'],
    ['wer leitet das', 'de', null, 'en'],
    ['wie viele AI Factories', 'de', 'en'],
    ['gibt es Förderung', 'de', null, 'fr'],
    ['wo finde ich das', 'de', null, 'en'],
    ['ich brauche hilfe', 'de', 'fr'],
    ['wir sind ein startup', 'de', 'en'],
    ['können wir teilnehmen', 'de', null, 'lb'],
    ['kostet das was', 'de', null, 'en'],
    ['fur KMU?', 'de', null, 'en'],
    ['wieviel kostet es', 'de', 'fr'],
    ['warum', 'de', null, 'en'],
    ['Förderung für KI', 'de', 'en'],
    ['wann ist das', 'de', null, 'fr'],
    ['ist das kostenlos', 'de', 'lb'],
    ['welche kurse gibt es', 'de', null, 'en'],
    ['guten morgen', 'de', null, 'en'],
    ['danke', 'de', 'de', 'en'],
    ['AI Act?', 'de', 'de', 'en'],
    ['ja bitte', 'de', 'de', 'fr'],
    ['hallo', 'de', null, 'de-AT,en;q=0.8'],
  ],
  lb: [
    ['wat ass MeluXina', 'lb', null, 'en'],
    ['Schafft dir mam DFKI zesummen?', 'lb', null, 'de'],
    ['wat ass MeluXina', 'lb', 'en'],
    ['wéi vill AI Factories', 'lb', null, 'de'],
    ['wien', 'lb', null, 'en'],
    ['wou ass dat', 'lb', null, 'de'],
    ['firwat', 'lb', null, 'fr'],
    ['moien', 'lb', null, 'en'],
    ['wat kascht dat', 'lb', null, 'de'],
    ['wéi vill kascht et', 'lb', null, 'fr'],
    ['wei vill kascht et', 'lb', 'de'],
    ['ech brauch hëllef', 'lb', 'de'],
    ['gëtt et Formatiounen', 'lb', null, 'de'],
    ['mir sinn eng start-up', 'lb', 'de'],
    ['kënnt dir mir hëllefen', 'lb', 'de'],
    ['sinn si gratis', 'lb', null, 'de'],
    ['fir wien ass dat', 'lb', 'fr'],
    ['wat mécht LIST', 'lb', null, 'fr'],
    ["Moien, wat ass d'AI Factory?", 'lb', 'en'],
    ['wéini ass dat', 'lb', null, 'en'],
    ['merci villmools', 'lb', null, 'fr'],
    ['merci', 'lb', 'lb', 'fr'],
    ['ok', 'lb', 'lb', 'en'],
    ['danke', 'lb', 'lb', 'de'],
    ['jo', 'lb', 'lb', 'en'],
  ],
};

// Messages confidently in a language we do not speak: flagged, and answered in the fallback language.
const foreign = [
  ['nld', 'Wij zijn een klein bedrijf en willen weten wat jullie kunnen doen.'],
  ['nld', 'Hoeveel kost het om toegang te krijgen tot de supercomputer?'],
  ['pol', 'Jak moja firma może uzyskać dofinansowanie na projekt sztucznej inteligencji?'],
  ['spa', '¿Cuánto cuesta usar el superordenador para una empresa pequeña?'],
  ['spa', 'hola, ¿cómo estás?'],
  ['ita', "Quanto costa l'accesso al supercomputer per una piccola azienda?"],
  ['por', 'Quanto custa o acesso ao supercomputador para uma pequena empresa?'],
  // Trigrams read it as French; its words are Portuguese.
  ['por', 'Olá, pode ajudar-me a preparar uma aula sobre inteligência artificial para os meus alunos?'],
  ['spa', 'Hola, ¿me puede ayudar a preparar una clase sobre inteligencia artificial para mis alumnos?'],
  ['tur', 'Şirketim yapay zeka projesi için nasıl finansman alabilir?'],
  ['nob', 'Hvordan kan min virksomhed få støtte til et AI-projekt?'],
] as const;

describe('chooseLanguage on short messages', () => {
  for (const [lang, cases] of Object.entries(short)) {
    it.each(cases)(`${lang}: %s → %s (conversation %s, Accept-Language %s)`, (message, expected, conversation, acceptLanguage) => {
      expect(chooseLanguage({ message, conversation, acceptLanguage }).lang).toBe(expected);
    });
  }

  it('is never fooled by a short French or German question into calling it foreign', () => {
    const questions = Object.values(short).flat().map(([message]) => message);
    expect(questions.filter((message) => chooseLanguage({ message }).foreign)).toEqual([]);
  });
});

describe('chooseLanguage on other languages', () => {
  it.each(foreign)('flags %s and answers in the fallback language: %s', (code, message) => {
    expect(chooseLanguage({ message, conversation: 'de', acceptLanguage: 'fr' })).toEqual({ lang: 'de', source: 'conversation', foreign: code });
  });

  it.each(['obrigado', 'o que é MeluXina?', 'qué es MeluXina', 'wat kost het?'])('does not read a short foreign message as French: %s', (message) => {
    expect(chooseLanguage({ message, acceptLanguage: 'en' })).toMatchObject({ lang: 'en', source: 'header' });
  });
});

describe('chooseLanguage in a conversation', () => {
  it.each([
    ['Wir sind ein mittelständischer Betrieb und möchten wissen, welche Unterstützung es gibt.', 'en', 'de'],
    ['Comment mon entreprise peut-elle obtenir un financement ?', 'lb', 'fr'],
    ['Wéi kann meng Firma Ënnerstëtzung kréien?', 'de', 'lb'],
    ['How can my company get funding for an AI project?', 'fr', 'en'],
    ['was ist MeluXina?', 'en', 'de'],
    ['wéi vill AI Factories ginn et?', 'de', 'lb'],
    ['Merci fir d’Informatioun, super', 'fr', 'lb'],
    ['how long does it take', 'fr', 'en'],
  ] as const)('switches on a confident detection: %s (%s → %s)', (message, conversation, expected) => {
    expect(chooseLanguage({ message, conversation })).toEqual({ lang: expected, source: 'detected' });
  });

  it.each([
    ['merci', 'en'],
    ['thanks', 'fr'],
    ['bonjour', 'lb'],
    ['ja', 'lb'],
    ['moien', 'de'],
    ['MeluXina GPU', 'fr'],
    ['MeluXina EuroHPC AI Factory GPU cloud', 'de'],
    ['AI Act compliance GDPR data sovereignty', 'lb'],
    ['Super, merci!', 'lb'],
  ] as const)('keeps its language on an unsure message: %s (%s)', (message, conversation) => {
    expect(chooseLanguage({ message, conversation, acceptLanguage: 'en' })).toEqual({ lang: conversation, source: 'conversation' });
  });

  it('takes the leaning of a short message only when there is no conversation yet', () => {
    expect(chooseLanguage({ message: 'moien', acceptLanguage: 'fr' })).toEqual({ lang: 'lb', source: 'detected' });
    expect(chooseLanguage({ message: 'moien', conversation: 'fr' })).toEqual({ lang: 'fr', source: 'conversation' });
  });
});

describe('chooseLanguage with the knowledge\'s words', () => {
  const vocabulary = (): Vocabulary => new Map<Lang, Set<string>>([['en', new Set(['funding'])], ['fr', new Set(['financement'])], ['de', new Set(['forderung'])], ['lb', new Set(['finanzeierung'])]]);

  it('takes the language whose documents alone write the words of a message no detector can read', () => {
    expect(chooseLanguage({ message: 'financement ?', acceptLanguage: 'en', vocabulary })).toEqual({ lang: 'fr', source: 'detected' });
    expect(chooseLanguage({ message: 'Finanzéierung?', vocabulary })).toEqual({ lang: 'lb', source: 'detected' });
  });

  it('keeps a conversation\'s language, and falls back as before when the words say nothing', () => {
    expect(chooseLanguage({ message: 'financement ?', conversation: 'de', vocabulary })).toEqual({ lang: 'de', source: 'conversation' });
    expect(chooseLanguage({ message: 'bakery?', acceptLanguage: 'de', vocabulary })).toEqual({ lang: 'de', source: 'header' });
  });
});
