// introducesVisitor: a visitor who says who they are and asks nothing yet, in four languages.
import { describe, expect, it } from 'vitest';
import { introducesVisitor, withoutIntroduction } from '../../../agents/intent/introduction.ts';
import type { Lang } from '../../../agents/language/languages.ts';

describe('introducesVisitor', () => {
  it.each<[Lang, string]>([
    ['en', "I'm a researcher at the university."],
    ['en', 'My name is Anna and I work for a municipality'],
    ['fr', 'je suis chercheuse au LIST en traitement du langage.'],
    ['de', 'Ich bin Lehrerin an einem Gymnasium'],
    ['lb', 'ech sinn Enseignant am Lycée'],
    ['lb', 'ech sinn pensionéiert an hu vill iwwer KI an der Zeitung gelies'],
    ['lb', 'ech enseignéieren Informatik an engem Lycée zu Dikrech.'],
    ['fr', "J'enseigne l'histoire au lycée."],
    ['de', 'Ich unterrichte Mathe an einem Gymnasium.'],
  ])('(%s) "%s" introduces the visitor', (lang, message) => {
    expect(introducesVisitor(message, lang)).toBe(true);
  });

  it.each<[Lang, string]>([
    ['en', 'I am looking for funding'],
    ['en', 'I am interested in the AI strategy'],
    ['en', "I'm a student, what is MeluXina?"],
    ['fr', 'je suis une PME et je cherche des aides'],
    ['de', 'Ich bin Unternehmer und möchte KI einsetzen'],
    ['lb', 'ech schaffen op enger Gemeng a mir wëllen KI asetzen'],
    ['en', 'The AI Factory is great'],
    ['en', 'How do I teach AI to 10-year-olds?'],
    // A question asked without its question mark after the introduction.
    ['en', 'we are a municipality, can we use this'],
    ['fr', 'nous sommes une commune, pouvez-vous nous aider'],
    ['de', 'Wir sind eine Gemeinde, können wir das nutzen'],
    ['lb', 'Mir sinn eng Gemeng, kënne mir dat notzen'],
  ])('(%s) "%s" asks or requests something, or is no introduction', (lang, message) => {
    expect(introducesVisitor(message, lang)).toBe(false);
  });
});

describe('withoutIntroduction', () => {
  it.each<[Lang, string, string]>([
    ['de', 'ich bin IT-Berater. Welche Partner gehören zum Konsortium?', 'Welche Partner gehören zum Konsortium?'],
    ['lb', 'ech hunn e klengen Online-Buttek. Wat fir Servicer bitt dir un?', 'Wat fir Servicer bitt dir un?'],
    ['en', 'I run a small hotel. How do I start an AI project?', 'How do I start an AI project?'],
    ['fr', "J'ai une boulangerie à Esch. Comment démarrer un projet IA ?", 'Comment démarrer un projet IA ?'],
    // Said in one breath, before a comma.
    ['en', 'I run a logistics company, is that one of your sectors?', 'is that one of your sectors?'],
    ['de', 'Ich habe eine Spedition, gehört das zu euren Branchen?', 'gehört das zu euren Branchen?'],
  ])('(%s) "%s" asks "%s"', (lang, message, asked) => {
    expect(withoutIntroduction(message, lang)).toBe(asked);
  });

  it('keeps a message that opens with its question, or is an introduction only', () => {
    expect(withoutIntroduction('What is MeluXina? I am a student.', 'en')).toBe('What is MeluXina? I am a student.');
    expect(withoutIntroduction("I'm a researcher at the university.", 'en')).toBe("I'm a researcher at the university.");
    expect(withoutIntroduction('I am looking for funding. What is there?', 'en')).toBe('I am looking for funding. What is there?');
    expect(withoutIntroduction('I am looking for funding, what is there?', 'en')).toBe('I am looking for funding, what is there?');
  });
});
