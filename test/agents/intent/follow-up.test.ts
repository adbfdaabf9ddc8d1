// leansOnPrevious: short messages that open with "and" or point back with a pronoun, in four languages.
import { describe, expect, it } from 'vitest';
import { leansOnPrevious, mayLeanOnPrevious } from '../../../agents/intent/follow-up.ts';

describe('leansOnPrevious', () => {
  it.each([
    ['en', 'and who runs it?'],
    ['en', 'What about the cost?'],
    ['en', 'how much does it cost'],
    ['en', 'who leads them?'],
    ['fr', 'Et qui la dirige ?'],
    ['fr', 'ça coûte combien ?'],
    ['fr', 'et depuis quand ?'],
    ['de', 'Und wer leitet das?'],
    ['de', 'wer betreibt ihn?'],
    ['de', 'Und was kostet es?'],
    ['lb', 'A wien bedreift en?'],
    ['lb', 'wat kascht dat?'],
    ['lb', 'Wou ass dat?'],
  ])('%s "%s" leans on the previous question', (lang, message) => {
    expect(leansOnPrevious(message, lang as 'en')).toBe(true);
  });

  it.each([
    ['en', 'What is the MeluXina-AI supercomputer?'],
    ['en', 'How many training courses does the AI Factory coordinate every year?'],
    ['en', 'Luxinnovation role'],
    ['fr', 'Qui dirige Luxinnovation ?'],
    ['fr', 'Quels sont les piliers de l’AI Factory ?'],
    ['de', 'Was ist MeluXina?'],
    ['de', 'Wie viele Kurse bietet die AI Factory im Jahr an, und für wen sind sie gedacht?'],
    ['lb', 'Wat ass MeluXina?'],
    ['lb', 'Wéi vill Pilieren huet den Katalog?'],
    ['en', 'Is there funding for SMEs?'],
    ['fr', 'Existe-t-il des aides pour les PME ?'],
    ['de', 'Gibt es Kurse für Lehrer?'],
    ['lb', 'Gëtt et Fërdergelder fir KMUen?'],
  ])('%s "%s" stands on its own', (lang, message) => {
    expect(leansOnPrevious(message, lang as 'en')).toBe(false);
  });
});

describe('mayLeanOnPrevious', () => {
  it.each([
    ['fr', "qui l'a rédigée ?"],
    ['fr', 'il existe depuis quand ?'],
    ['de', 'wer leitet es?'],
    ['lb', 'zënter wéini gëtt et deen?'],
    ['en', 'and who runs it?'],
  ])('%s "%s" may point back', (lang, message) => {
    expect(mayLeanOnPrevious(message, lang as 'en')).toBe(true);
  });

  it.each([
    ['en', 'how many GPUs exactly?'],
    ['fr', 'vous avez un parking ?'],
    ['de', 'Gibt es einen Parkplatz in der Nähe, und wie teuer ist das Parken dort pro Stunde?'],
    ['fr', "Qu'est-ce que l'AI Factory ?"],
  ])('%s "%s" does not', (lang, message) => {
    expect(mayLeanOnPrevious(message, lang as 'en')).toBe(false);
  });
});
