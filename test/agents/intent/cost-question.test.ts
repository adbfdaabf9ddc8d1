// asksAboutCost: what one of the AI Factory's services costs, told apart from prices of anything else;
// speaksOfCost: whether a passage can answer such a question at all.
import { describe, expect, it } from 'vitest';
import { asksAboutCost, speaksOfCost } from '../../../agents/intent/cost-question.ts';
import type { Lang } from '../../../agents/language/languages.ts';

describe('asksAboutCost', () => {
  it.each<[Lang, string, string | null]>([
    ['en', 'Is the AI Factory free for startups?', null],
    // A price in a single word, on this site.
    ['fr', 'prix ?', null],
    ['de', 'Preise?', null],
    ['lb', 'Präisser', null],
    ['en', 'What are your prices?', null],
    ['en', 'And is it free?', 'What trainings do you offer?'],
    ['fr', 'Combien coûte l’accompagnement ?', null],
    ['fr', 'Les formations sont-elles gratuites ?', null],
    ['de', 'Was kostet eine Schulung?', null],
    ['de', 'Ist das kostenlos?', 'Was bietet die Säule Upskill & Train?'],
    ['lb', "Wat kascht d'Berodung?", null],
    ['lb', 'Wat kascht dat?', 'Wat mécht de Pilier Connect?'],
  ])('(%s) "%s" asks what a service costs', (lang, message, previous) => {
    expect(asksAboutCost(message, lang, previous)).toBe(true);
  });

  it.each<[Lang, string, string | null]>([
    ['en', 'How much does a car cost?', null],
    ['en', 'how much does it cost to rent a flat?', null],
    ['en', 'how much does it cost to build a house for my family?', null],
    ['fr', 'Combien coûte un billet de train ?', null],
    ['de', 'Was kostet eine Wohnung in Luxemburg?', null],
    ['lb', 'Wat kascht eng Wunneng zu Lëtzebuerg?', null],
    ['en', 'Which trainings do you offer?', null],
  ])('(%s) "%s" does not', (lang, message, previous) => {
    expect(asksAboutCost(message, lang, previous)).toBe(false);
  });

  // On the AI Factory's site a first question this short can only point at what it offers.
  it.each<[Lang, string]>([
    ['en', 'And is it free?'],
    ['fr', "c'est gratuit ?"],
    ['fr', "c'est payant ?"],
    ['de', 'Was kostet das?'],
    ['de', 'Was kostet so eine Erstberatung?'],
    ['lb', 'Wat kascht dat?'],
    ['lb', 'kascht dat eppes?'],
  ])('(%s) "%s", a short first question, asks what the services cost', (lang, message) => {
    expect(asksAboutCost(message, lang, null)).toBe(true);
  });

  it('reads a short pointed question later in a conversation as the price of what the site offers', () => {
    expect(asksAboutCost('a wat kascht dat?', 'lb', 'wéi fänke mer do un?')).toBe(true);
  });
});

describe('speaksOfCost', () => {
  it.each<[Lang, string, boolean]>([
    ['en', 'The assessment costs 500 euros for an SME.', true],
    ['fr', 'Une journée de formation revient à 300 € par personne.', true],
    ['de', 'Die Schulungen sind kostenlos.', true],
    ['lb', 'D’Formatioune si gratis.', true],
    ['en', 'The Connect pillar puts organisations in touch with experts. Luxinnovation is in charge of the first contact.', false],
    ['de', 'Die Studie nennt Zahlen zu 71 % der Unternehmen.', false],
  ])('(%s) "%s": %s', (lang, text, speaks) => {
    expect(speaksOfCost(text, lang)).toBe(speaks);
  });
});
