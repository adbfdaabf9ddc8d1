// asksWhatIsOffered: what the AI Factory offers, in general or to a kind of visitor, told apart from an offer on a
// topic of its own (training, funding, MeluXina), which the search answers.
import { describe, expect, it } from 'vitest';
import { asksWhatIsOffered, CATALOGUE_QUESTION } from '../../../agents/intent/offer-question.ts';
import { LANGS, type Lang } from '../../../agents/language/languages.ts';

describe('asksWhatIsOffered', () => {
  it.each<[Lang, string]>([
    ['en', 'What does the AI Factory offer to small businesses?'],
    ['en', 'How can you help my company?'],
    ['en', 'What can the AI Factory do for my start-up?'],
    ['en', 'What services are available for startups?'],
    ['fr', 'Qu’est-ce que vous proposez aux PME ?'],
    ['fr', 'Comment pouvez-vous aider mon entreprise ?'],
    ['fr', 'Que peut faire l’AI Factory pour une petite entreprise ?'],
    ['de', 'Was können Sie für mein Unternehmen tun?'],
    ['de', 'Welche Angebote gibt es für KMU?'],
    ['de', 'Wie können Sie uns helfen?'],
    ['lb', 'Wat kann d’AI Factory fir mäi Betrib maachen?'],
    ['lb', 'Wéi kënnt Dir eis hëllefen?'],
    ['lb', 'Wat bitt dir de klenge Betriber un?'],
    // The visitor's trade says who the offer is for.
    ['en', 'we are a small bakery, can you help us with AI?'],
    ['fr', 'nous sommes une petite boulangerie, pouvez-vous nous aider avec l’IA ?'],
    ['de', 'Wir sind eine kleine Schreinerei, könnt ihr uns bei KI helfen?'],
    ['lb', 'Mir sinn eng kleng Bäckerei, kënnt Dir eis mat KI hëllefen?'],
    ['en', 'What can you offer a restaurant?'],
    // The catalogue's pillars, all of them: the whole catalogue is asked for.
    ['en', 'which pillars do you have?'],
    ['en', 'wich pillars do you have?'],
    ['en', 'what are the 6 pillars'],
    ['fr', 'quels sont les 6 piliers'],
    ['de', 'welche säulen gibt es'],
    ['lb', 'Wéi eng Pilieren gëtt et?'],
  ])('(%s) "%s" asks what the AI Factory offers', (lang, message) => {
    expect(asksWhatIsOffered(message, lang)).toBe(true);
  });

  it.each<[Lang, string]>([
    ['en', 'What training do you offer?'],
    ['en', 'What does MeluXina offer?'],
    ['en', 'What research do you support?'],
    ['en', 'What financial support is there for start-ups?'],
    ['en', 'What is the AI strategy?'],
    ['fr', 'Quelles formations proposez-vous ?'],
    ['de', 'Welche Förderung gibt es für KMU?'],
    ['de', 'Bietet ihr Rechenzeit an?'],
    ['lb', 'Wat kascht eng Berodung?'],
    ['lb', 'Wat mécht de Pilier Connect?'],
    ['en', 'Which pillar helps with funding?'],
  ])('(%s) "%s" names a topic of its own', (lang, message) => {
    expect(asksWhatIsOffered(message, lang)).toBe(false);
  });

  it.each(LANGS)('(%s) the catalogue question is one itself', (lang) => {
    expect(asksWhatIsOffered(CATALOGUE_QUESTION[lang], lang)).toBe(true);
  });
});
