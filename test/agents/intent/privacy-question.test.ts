// asksAboutPrivacy: questions about what happens to the visitor's own data, told apart from questions about data
// protection in the knowledge (GDPR help for projects, secure data processing).
import { describe, expect, it } from 'vitest';
import { asksAboutPrivacy } from '../../../agents/intent/privacy-question.ts';
import type { Lang } from '../../../agents/language/languages.ts';

const ABOUT_MINE: [Lang, string][] = [
  ['en', 'Do you store my data?'],
  ['en', 'what happens to my messages'],
  ['en', 'Is this chat recorded?'],
  ['en', 'how long do you keep it?'],
  ['en', 'can you delete my conversation'],
  ['fr', 'Vous gardez mes données ?'],
  ['fr', "Qu'est-ce que vous faites de mes données ?"],
  ['fr', 'Est-ce que cette conversation est enregistrée ?'],
  ['de', 'Speichert ihr meine Daten?'],
  ['de', 'Was passiert mit meinen Daten?'],
  ['de', 'Wird dieser Chat gespeichert?'],
  ['lb', 'Späichert Dir meng Donnéeën?'],
  ['lb', 'Wat geschitt mat menge Donnéeën?'],
  ['lb', 'Gëtt dëse Chat gespäichert?'],
  ['lb', 'Wéi laang späichert Dir dat?'],
  // What is kept about the visitor, asked without naming the data.
  ['en', 'What do you store about me?'],
  ['fr', "Qu'est-ce que vous gardez sur moi ?"],
  ['de', 'Datenschutz - was speichert ihr von mir?'],
  ['de', 'Was speichert ihr über mich?'],
  ['lb', 'Wat späichert Dir iwwer mech?'],
];

const ABOUT_THE_KNOWLEDGE: [Lang, string][] = [
  ['en', 'Does the AI Factory help with GDPR compliance?'],
  ['en', 'What happens to the data in the secure processing environment?'],
  ['en', 'We want to use our data for AI'],
  ['fr', 'Comment protéger les données de mes clients avec l’IA ?'],
  ['de', 'Wie hilft die AI Factory beim Datenschutz?'],
  ['de', 'Werden Daten im LNDS sicher verarbeitet?'],
  ['lb', "Wat seet d'Strategie iwwer Dateschutz?"],
  ['en', 'What does the strategy say about us as citizens?'],
  // The data an organisation works with: an AI project's question, though it asks whether "our data" is safe.
  ['en', 'Is our data safe with you? We handle customer financial data.'],
  ['fr', 'Nos données sont-elles en sécurité ? Nous traitons des données de santé.'],
  ['de', 'Sind unsere Daten sicher? Wir verarbeiten Kundendaten.'],
];

describe('asksAboutPrivacy', () => {
  it.each(ABOUT_MINE)('(%s) "%s" asks about the visitor\'s own data', (lang, message) => {
    expect(asksAboutPrivacy(message, lang)).toBe(true);
  });

  it.each(ABOUT_THE_KNOWLEDGE)('(%s) "%s" is a question for the knowledge', (lang, message) => {
    expect(asksAboutPrivacy(message, lang)).toBe(false);
  });
});
