import { describe, expect, it } from 'vitest';
import { assessQuestion, supportsAnswer, type TermStats } from '../../../agents/answer/confidence.ts';
import type { SearchResult } from '../../../agents/retrieval/search.ts';

const passage = (title: string, text: string): SearchResult => ({ docId: 'd', chunkId: 'd:en:0', title, lang: 'en', score: 1, text, headingPath: [], lexical: null });
/** Stats of a knowledge of 100 chunks in which each listed stem is in that many of them. */
const stats = (counts: Record<string, number>): TermStats => ({ total: 100, byPrefix: new Map(Object.entries(counts)) });

describe('supportsAnswer', () => {
  it('takes a word the passage is titled by as its topic, however common the word is in the knowledge', () => {
    const question = assessQuestion('number of pillars', 'en');
    const text = 'The catalogue has 6 pillars that cover a project from idea to deployment.';
    const common = stats({ numb: 3, pilla: 40 });
    expect(supportsAnswer(question, passage('Pillars of the catalogue', text), common)).toBe(true);
    expect(supportsAnswer(question, passage('The catalogue', text), common)).toBe(false);
  });

  it('counts a word found only as a synonym as half of it: "capital" is not "financial"', () => {
    const question = assessQuestion('What is the capital of Germany?', 'en');
    const known = stats({ capit: 1, germa: 2 });
    expect(supportsAnswer(question, passage('Funding', 'Financial support lowers the risk of a project.'), known)).toBe(false);
    expect(supportsAnswer(question, passage('Funding', 'Venture capital lowers the risk of a project.'), known)).toBe(true);
  });

  it('takes a name of several words whole: one word of it unknown to the knowledge, and the name is not the knowledge\'s', () => {
    const passage2 = passage('Second panel at the summit', 'The second panel discussed how companies across the world adopt AI.');
    const known = stats({ seco: 3, worl: 1, end: 2, pete: 2, hinss: 2, spok: 4 });
    expect(supportsAnswer(assessQuestion('When did the Second World War end?', 'en'), passage2, { ...known, byPrefix: new Map([...known.byPrefix, ['war', 0]]) })).toBe(false);
    const speaker = passage('Second panel at the summit', 'Peter Hinssen spoke at the second panel.');
    expect(supportsAnswer(assessQuestion('When did Peter Hinssen speak?', 'en'), speaker, known)).toBe(true);
  });

  it('leaves capitalised nouns beside a name alone in German: "Datendienst LNDS" is not a name of two words', () => {
    const question = assessQuestion('Macht der Datendienst LNDS bei der AI Factory mit?', 'de');
    expect(question.nameGroups).toEqual([]);
    expect(question.names.has('lnds')).toBe(true);
  });

  it('counts a word as unknown only when no synonym of it is in the knowledge either: "Firmen" is known as "Unternehmen"', () => {
    const question = assessQuestion('Kommt Luxinnovation aktiv auf Firmen zu, oder muss man sich selbst melden?', 'de');
    const text = 'Luxinnovation geht aktiv auf Unternehmen zu und bietet eine erste Beratung an.';
    const de = (title: string) => ({ ...passage(title, text), lang: 'de' as const });
    expect(supportsAnswer(question, de('Erste Schritte'), stats({ luxinno: 20, akti: 12, firm: 0, unterne: 40, meld: 0 }))).toBe(true);
    expect(supportsAnswer(question, de('Erste Schritte'), stats({ luxinno: 20, akti: 12, firm: 0, meld: 0 }))).toBe(false);
  });

  it('knows employees by the words the knowledge uses: "Mitarbeiter" are "Beschäftigte", "employés" are "salariés"', () => {
    const de = { ...passage('Upskill & Train', 'Die Säule hilft Beschäftigten, Führungskräften und Forschenden mit Schulungen auf jedem Niveau.'), lang: 'de' as const };
    expect(supportsAnswer(assessQuestion('Bietet ihr Schulungen für Mitarbeiter an?', 'de'), de, stats({ biet: 6, schulun: 23, mitarbe: 1, beschaf: 5 }))).toBe(true);
    const fr = { ...passage('Upskill & Train', 'Le pilier forme les salariés, les dirigeants et les chercheurs.'), lang: 'fr' as const };
    expect(supportsAnswer(assessQuestion('Formez-vous les employés ?', 'fr'), fr, stats({ form: 20, employ: 0, salari: 4 }))).toBe(true);
  });

  it('reads a word that asks for a number as the question\'s type, not its topic: "Anzahl der Säulen" is about pillars', () => {
    const question = assessQuestion('Anzahl der Säulen', 'de');
    expect(question.terms.map((term) => term.stem)).toEqual(['saul']);
    const text = 'Das Angebot der AI Factory gliedert sich in 6 Säulen.';
    expect(supportsAnswer(question, { ...passage('Die Säulen des Angebots', text), lang: 'de' }, stats({ saul: 39, anza: 0 }))).toBe(true);
  });

  it('weighs an unknown German word written small (a verb) less than an unknown noun', () => {
    const known = stats({ luxinno: 20, star: 5, date: 10 });
    const de = { ...passage('Start', 'Beim Start sprach Luxinnovation über Daten.'), lang: 'de' as const };
    const verbs = assessQuestion('Hat Luxinnovation beim Start über Daten gesprochen und berichtet?', 'de');
    const nouns = assessQuestion('Hat Luxinnovation beim Start über Daten mit Vorträgen und mit Berichten?', 'de');
    expect(verbs.terms.filter((term) => term.small).map((term) => term.stem)).toEqual(['gesproc', 'bericht']);
    expect(nouns.terms.filter((term) => term.small)).toEqual([]);
    expect(assessQuestion("Wat ass d'Haaptstad?", 'lb').terms.filter((term) => term.small)).toEqual([]);
    expect(supportsAnswer(verbs, de, known)).toBe(true);
    expect(supportsAnswer(nouns, de, known)).toBe(false);
  });

  it('takes a long compound as specific by the whole word when its stem is everywhere: "Servicekatalog" is not "Servicer"', () => {
    const question = assessQuestion('Op wéi vill Pilieren ass de Servicekatalog opgebaut?', 'lb');
    expect(question.terms.find((term) => term.stem === 'service')?.whole).toBe('servicekatal');
    const lb = { ...passage('Scale & Deploy', 'Zesumme begleeden déi 6 Piliere vum Servicekatalog e KI-Projet duerch säi ganze Liewenszyklus.'), lang: 'lb' as const };
    // "service" is in half the chunks (every "Servicer"), pillars in a third: neither is specific on its own.
    const rareCompound = stats({ pilie: 30, pili: 30, saul: 0, service: 50, servicekatal: 6, opgeba: 2 });
    expect(supportsAnswer(question, lb, rareCompound)).toBe(true);
    expect(supportsAnswer(question, lb, stats({ pilie: 30, pili: 30, saul: 0, service: 50, servicekatal: 40, opgeba: 2 }))).toBe(false);
    // The passage must hold the compound itself, not only its stem.
    const servicer = { ...lb, text: 'Zesumme begleeden déi 6 Piliere vun de Servicer e KI-Projet duerch säi ganze Liewenszyklus.' };
    expect(supportsAnswer(question, servicer, rareCompound)).toBe(false);
  });
});
