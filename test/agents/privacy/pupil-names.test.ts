// Pupils' names: the pattern adapter in the four languages, the words it must not take for a name, and the
// adapter interface that lets a deployment plug in a class list.
import { describe, expect, it } from 'vitest';
import { listedNames, pupilNamesByPattern } from '../../../agents/privacy/pupil-names.ts';
import { redact } from '../../../agents/privacy/redact.ts';

const find = pupilNamesByPattern();
const found = (text: string) => find(text, 'en').map(({ start, end }) => text.slice(start, end));

describe('pupilNamesByPattern', () => {
  it.each([
    ['my pupil Max', 'Max'],
    ['my student Anna Schmit asked', 'Anna Schmit'],
    ['one of my pupils, Léa, wrote', 'Léa'],
    ['a student named Jean-Luc Weber', 'Jean-Luc Weber'],
    ['mon élève Max', 'Max'],
    ["l'élève Julie est absente", 'Julie'],
    ["J'ai un élève qui s'appelle Noah.", 'Noah'],
    ['mein Schüler Max', 'Max'],
    ['meine Schülerin Lena hat', 'Lena'],
    ['Schreiben Sie der Mutter meines Schülers Noah.', 'Noah'],
    ['mäi Schüler Max', 'Max'],
    ['meng Schülerin Lena', 'Lena'],
    ["d'Schülerin Mia", 'Mia'],
    ['mäin Elève Noah', 'Noah'],
    ['my pupil Tom van Dijk', 'Tom van Dijk'],
  ])('finds the name in "%s"', (text, name) => {
    expect(found(text)).toEqual([name]);
  });

  it.each([
    ["Ok, my pupil's dad is Peter Meier, tel 621 555 777", 'Peter Meier'],
    ['Her mother, Anne Weber, called me.', 'Anne Weber'],
    ["Sa mère s'appelle Anne Weber.", 'Anne Weber'],
    ['Der Vater heißt Paul Becker und ruft oft an.', 'Paul Becker'],
    ['Seng Mamm heescht Anne Weber.', 'Anne Weber'],
  ])("finds a pupil's relative's name, which identifies the pupil, in \"%s\"", (text, name) => {
    expect(found(text)).toEqual([name]);
  });

  it.each(['The father of modern computing is Alan Turing.', 'His dad is Portuguese.', 'Die Mutter ist Lehrerin.', "D'Mamm ass Enseignante."])('leaves "%s" alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads a name given before its introduction, without a word that only starts the sentence', () => {
    expect(found('Max, one of my pupils, is shy.')).toEqual(['Max']);
    expect(found('Yesterday Max, one of my pupils, cried.')).toEqual(['Max']);
    expect(found('Hannah, eine meiner Schülerinnen, fehlt.')).toEqual(['Hannah']);
  });

  it.each([
    'I teach my pupils French and German.',
    'Ich bringe meinen Schülern Französisch bei.',
    'Ech bréngen menge Schüler Franséisch bäi.',
    'Ich gebe dem Schüler Nachhilfe.',
    'My student asked whether ChatGPT is allowed.',
    'My pupils love the MOOC Elements of AI.',
    'Meine Schüler lieben Mathe.',
    'my pupil on Monday',
    'the student Council meets',
  ])('finds no name in "%s"', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['My pupils Max and Léa had a fight.', ['Max', 'Léa']],
    ['I have two pupils, Max and Léa, who fight.', ['Max', 'Léa']],
    ['Mes élèves Max et Léa se disputent.', ['Max', 'Léa']],
    ['Meine Schüler Max und Tom Becker haben gestritten.', ['Max', 'Tom Becker']],
    ['Meng Schüler Max an Tom hu sech gestridden.', ['Max', 'Tom']],
    ['Schüler: Paul Becker, Klasse 5b', ['Paul Becker']],
    ['Élève : Léa', ['Léa']],
  ])('finds every name in "%s"', (text, names) => {
    expect(found(text)).toEqual(names);
  });

  it('keeps a surname only when it is a name ("my pupil Max Monday" keeps Monday)', () => {
    expect(found('my pupil Max Monday')).toEqual(['Max']);
  });
});

describe('name adapters', () => {
  it('lets a class list find names wherever they stand, longest first and as whole words', () => {
    const roster = listedNames(['Noah', 'Noah Weber', 'Léa']);
    const text = 'Noah Weber and Léa were late; Noahs is not a name here.';
    expect(roster(text, 'en').map(({ start, end }) => text.slice(start, end))).toEqual(['Noah Weber', 'Léa']);
    expect(listedNames([])('Noah', 'en')).toEqual([]);
  });

  it('combines adapters in redact: the class list and the patterns together', () => {
    const result = redact('Noah and my pupil Max were late.', 'en', { names: [listedNames(['Noah']), pupilNamesByPattern()] });
    expect(result).toEqual({ text: '[name] and my pupil [name] were late.', found: [{ kind: 'name', count: 2 }] });
  });
});
