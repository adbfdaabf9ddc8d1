// introducesVisitor: a visitor who says who they are and asks nothing yet, in four languages.
import { describe, expect, it } from 'vitest';
import { introducesVisitor } from '../../../agents/intent/introduction.ts';
import type { Lang } from '../../../agents/language/languages.ts';

describe('introducesVisitor', () => {
  it.each<[Lang, string]>([
    ['en', "I'm a researcher at the university."],
    ['en', 'My name is Anna and I work for a municipality'],
    ['fr', 'je suis chercheuse au LIST en traitement du langage.'],
    ['de', 'Ich bin Lehrerin an einem Gymnasium'],
    ['lb', 'ech sinn Enseignant am Lycée'],
    ['lb', 'ech sinn pensionéiert an hu vill iwwer KI an der Zeitung gelies'],
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
  ])('(%s) "%s" asks or requests something, or is no introduction', (lang, message) => {
    expect(introducesVisitor(message, lang)).toBe(false);
  });
});
