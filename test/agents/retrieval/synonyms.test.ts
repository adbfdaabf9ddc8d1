import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../agents/language/languages.ts';
import { normaliseForIndex, queryTerms, stemPrefix } from '../../../agents/retrieval/normalise.ts';
import { lexicalMatch } from '../../../agents/retrieval/search.ts';
import { CONCEPTS, expandTerms } from '../../../agents/retrieval/synonyms.ts';

describe('CONCEPTS', () => {
  it('names every concept in all four languages, one word per entry', () => {
    for (const concept of CONCEPTS) {
      for (const lang of LANGS) {
        expect(concept[lang].length, `${concept.concept} ${lang}`).toBeGreaterThanOrEqual(3);
        expect(concept[lang].every((word) => normaliseForIndex(word, lang).split(' ').length === 1), `${concept.concept} ${lang}`).toBe(true);
      }
    }
  });
});

describe('expandTerms', () => {
  it.each([
    ['en', 'Who is the boss of the agency?', 'ceo'],
    ['fr', 'Qui dirige l’agence ?', 'ceo'],
    ['de', 'Wer ist der Chef der Agentur?', 'geschaftsfuhrer'],
    ['lb', 'Wien ass de Chef vun der Agence?', 'ceo'],
    ['fr', 'Combien d’argent pour le plan ?', 'budget'],
    ['en', 'We finished our PoC, what now?', 'prototype'],
    ['lb', 'Eise PoC ass fäerdeg', 'ofgeschloss'],
    ['de', 'Kann meine Gemeinde mitmachen?', 'verwaltung'],
    ['lb', 'Wat kascht dat fir d’Gemengen?', 'verwaltung'],
    ['en', 'Courses about the climate', 'environment'],
    ['de', 'Welches Vorzeigeprojekt gibt es?', 'leuchtturmprojekt'],
    ['lb', 'Wat ass de Leuchtturmprojet?', normaliseForIndex('Flaggschëffprojeten', 'lb')],
    ['lb', "Zil fir d'Bevëlkerung", 'bierger'],
    ['fr', 'Combien de citoyens ?', 'population'],
    ['lb', 'Wéi vill Säulen huet de Servicekatalog?', 'pilier'],
    ['de', 'Wie viele Pfeiler hat das Angebot?', 'saulen'],
    ['lb', "Wéi vill AI Factories gëtt et an der EU?", 'europaescher'],
    ['fr', "Quel organisme de l'UE soutient le projet ?", 'europeenne'],
    ['lb', 'Ëm wéi vill geet d’Leeschtung erop?', 'performant'],
    ['en', 'How much faster will the new machine be?', 'powerful'],
    ['de', 'Was macht die Uni Luxemburg?', 'universitat'],
    ['en', 'Does the strategy do anything about fake news?', 'disinformation'],
    ['de', 'Gegen voreingenommene Algorithmen?', 'verzerrung'],
    ['en', 'Can I get computing time to train my model?', 'supercomputer'],
    ['de', 'Kann ich bei euch Rechenzeit bekommen?', 'hochleistungsrechnen'],
    ['de', 'Welche Organisationen stecken hinter der AI Factory?', 'betrieben'],
    ['fr', 'Qui gère le supercalculateur ?', 'exploite'],
    ['lb', 'Kréien d’Léierpersounen en eegene Chatbot?', 'enseignant'],
    ['de', 'Hilft KI bei den Hausaufgaben?', 'ubungen'],
    ['lb', 'Mat wéi engem Groussrechner?', 'supercomputer'],
    ['fr', 'Quel est le nom du plan ?', 'intitule'],
    ['en', 'Can my pupils use ChatGPT for their homework?', 'chatbot'],
    ['de', 'Dürfen Schüler ChatGPT benutzen?', 'nutzen'],
  ] as const)('expands a %s question ("%s") to %s', (lang, question, word) => {
    expect(expandTerms(queryTerms(question, lang), lang)).toContain(word);
  });

  it('stays in the query language and leaves out the terms already there', () => {
    const extra = expandTerms(['funding', 'budget'], 'en');
    expect(extra).toContain('money');
    expect(extra).not.toContain('budget');
    expect(extra).not.toContain('argent');
  });

  it('brings in no word whose stem is "euro": the Union\'s adjectives, not the currency or EuroHPC', () => {
    for (const lang of ['en', 'fr', 'de', 'lb'] as const) {
      expect(expandTerms(['eu', 'ue'], lang).map(stemPrefix).filter((stem) => stem === 'euro')).toEqual([]);
    }
  });

  it('leaves words outside the concept list alone', () => {
    expect(expandTerms(['meluxina', 'bakery'], 'en')).toEqual([]);
  });

  it('applies the Luxembourgish n-rule to the list as to the index', () => {
    expect(expandTerms([normaliseForIndex('Gemengen', 'lb')], 'lb')).toContain(normaliseForIndex('Administratiounen', 'lb'));
  });
});

describe('lexicalMatch', () => {
  it('ORs the question\'s words with the words of their concepts', () => {
    expect(lexicalMatch('Who is the head of Luxinnovation?', 'en')).toMatch(/^"head" OR "luxinnovation" OR "luxinno"\* OR .*"ceo"/);
    expect(lexicalMatch('what is the', 'en')).toBeNull();
  });
});
