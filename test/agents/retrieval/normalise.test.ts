import { describe, expect, it } from 'vitest';
import { normaliseForIndex, queryTerms, stemPrefix, toFtsQuery, tokenize } from '../../../agents/retrieval/normalise.ts';

describe('tokenize', () => {
  it.each([
    ['Größe der Förderung', ['grosse', 'der', 'forderung']],
    ['Ënnerstëtzung fir d’Firmen', ['ennerstetzung', 'fir', 'firmen']],
    ["l'entreprise et qu'elle", ['entreprise', 'et', 'elle']],
    ['MeluXina-AI: 15× faster', ['meluxina', 'ai', '15', 'faster']],
    // Typed with or without the hyphen, one word.
    ['KMU und Start-ups, a start-up', ['kmu', 'und', 'startups', 'a', 'startup']],
    ['und für Startups?', ['und', 'fur', 'startups']],
  ])('folds %s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('normaliseForIndex', () => {
  it('applies the Luxembourgish n-rule only to Luxembourgish', () => {
    expect(normaliseForIndex('Si kënnen hunn', 'lb')).toBe(normaliseForIndex('Si kënne hu', 'lb'));
    expect(normaliseForIndex('Firmen', 'de')).toBe('firmen');
  });
});

describe('queryTerms', () => {
  it.each([
    ['en', 'How can my company get funding for an AI project?', ['company', 'funding', 'project']],
    ['fr', 'Comment mon entreprise peut-elle obtenir un financement ?', ['entreprise', 'financement']],
    ['de', 'Wie bekommt mein Unternehmen eine Förderung?', ['unternehmen', 'forderung']],
    ['lb', 'Wéi kréien ech Ënnerstëtzung fir meng Firma?', ['ennerstetzung', 'firma']],
    ['lb', 'Wat sinn déi fënnef Profiler, déi deen Text nennt?', ['fennef', 'profiler', 'text', 'nennt']],
    ['fr', 'cest quoi le LNDS', ['lnds']],
    ['fr', 'c koi luxinnovation', ['luxinnovation']],
    ['fr', 'Où trouver des formations en IA ?', ['formations']],
    ['de', 'Wo finde ich Schulungen?', ['schulungen']],
    ['en', 'Where can I find grants?', ['grants']],
    ['lb', 'Wat mécht LNDS?', ['lnds']],
    ['de', 'Was macht das LNDS?', ['lnds']],
    // Modal verbs name no subject: an unknown "peux" made the knowledge look unable to answer.
    ['fr', 'Comment est-ce que je peux vous contacter ?', ['contacter']],
    ['lb', 'Kënnt dir mir hëllefen?', ['hellefe']],
    ['en', 'May I apply?', ['apply']],
    // "en" is the Luxembourgish article before a vowel or n, d, t, z, h ("en Enseignant"), not a subject.
    ['lb', 'Kritt en Enseignant en eegene Chatbot?', ['kritt', 'enseignant', 'chatbot']],
  ] as const)('keeps the content words in %s', (lang, query, terms) => {
    expect(queryTerms(query, lang)).toEqual(terms);
  });

  it('returns nothing for a message of only function words', () => {
    expect(queryTerms('what is the', 'en')).toEqual([]);
  });

  it('drops the casual words for the people asked ("do you guys do trainings") and reads ages in years as ages', () => {
    expect(queryTerms('do you guys do trainings', 'en')).toEqual(['trainings']);
    expect(queryTerms('How do I explain bias to 12-year-olds?', 'en')).toEqual(['explain', 'bias', '12', 'ages']);
  });
});

describe('toFtsQuery', () => {
  it('quotes terms, matches long ones as themselves and by prefix (the word itself scores twice) and keeps numbers whole', () => {
    expect(toFtsQuery(['financement', 'dhbw', '2030'])).toBe('"financement" OR "finance"* OR "dhbw" OR "2030"');
    expect(stemPrefix('forderungen')).toBe('forderu');
  });

  it('returns null when there is nothing to search', () => {
    expect(toFtsQuery([])).toBeNull();
  });
});
