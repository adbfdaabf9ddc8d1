// Pupils' names through an adapter: by default, names introduced as a pupil, student or child, in any of the four languages.
import type { Lang } from '../language/languages.ts';
import { couldBeName } from './name-words.ts';

export type NameSpan = { start: number; end: number };
/** Returns where pupils' names are in a message; pure, no I/O (a model adapter resolves its spans before calling). */
export type NameFinder = (text: string, lang: Lang) => NameSpan[];

/** A way of introducing pupils: the words before the noun ("my", "eine meiner", "l'") and the nouns it goes with. */
type Intro = { before: readonly string[]; nouns: readonly string[]; glued?: true };

// One pupil: the name follows at once ("my pupil Max") or after "called", "namens", "qui s'appelle".
const SINGULAR: readonly Intro[] = [
  { before: ['my', 'our', 'the', 'a', 'this', 'that'], nouns: ['pupil', 'student', 'learner', 'child', 'kid', 'schoolboy', 'schoolgirl'] },
  { before: ['mon', 'ma', 'notre', 'un', 'une', 'cet', 'cette'], nouns: ['élève', 'étudiant', 'étudiante', 'enfant', 'écolier', 'écolière'] },
  { before: ['l'], glued: true, nouns: ['élève', 'étudiant', 'étudiante', 'enfant', 'écolier', 'écolière'] },
  { before: ['mein', 'meinen', 'meinem', 'meines', 'unser', 'unseren', 'unserem', 'unseres', 'der', 'den', 'dem', 'des', 'ein', 'einen', 'einem', 'eines', 'dieser', 'diesen', 'diesem'], nouns: ['Schüler', 'Schülers', 'Student', 'Studenten'] },
  { before: ['meine', 'meiner', 'unsere', 'unserer', 'die', 'der', 'eine', 'einer', 'diese', 'dieser'], nouns: ['Schülerin', 'Studentin'] },
  { before: ['mein', 'meinem', 'meines', 'unser', 'das', 'dem', 'des', 'ein', 'einem', 'eines', 'dieses', 'diesem'], nouns: ['Kind', 'Kindes', 'Schulkind'] },
  { before: ['mäi', 'mäin', 'mengem', 'eisen', 'eisem', 'de', 'den', 'dem', 'e', 'en', 'engem', 'dësen', 'dësem'], nouns: ['Schüler', 'Elève', 'Student', 'Kand'] },
  { before: ['meng', 'menger', 'eis', 'eiser', 'déi', 'der', 'eng', 'enger', 'dës', 'dëser'], nouns: ['Schülerin', 'Elève', 'Studentin', 'Kand'] },
  { before: ['d'], glued: true, nouns: ['Schülerin', 'Elève', 'Studentin', 'Kand'] },
];
// Among several: a plural noun needs a comma or "called" before the name ("one of my pupils, Léa").
const PLURAL: readonly Intro[] = [
  { before: ['one of my', 'one of our', 'my', 'our', 'two', 'three', 'four', 'some', 'several'], nouns: ['pupils', 'students', 'learners', 'children', 'kids'] },
  { before: ['un de mes', 'une de mes', 'un de nos', 'une de nos', "l'un de mes", "l'une de mes", 'mes', 'nos', 'deux', 'trois', 'quatre', 'plusieurs'], nouns: ['élèves', 'étudiants', 'étudiantes', 'enfants'] },
  { before: ['einer meiner', 'eine meiner', 'einen meiner', 'einem meiner', 'eines meiner', 'einer unserer', 'eine unserer', 'meine', 'unsere', 'zwei', 'drei', 'vier', 'mehrere'], nouns: ['Schüler', 'Schülerinnen', 'Studenten', 'Studentinnen', 'Kinder'] },
  { before: ['ee vu menge', 'eng vu menge', 'ee vun eise', 'eng vun eise', 'ee vun de', 'eng vun de', 'meng', 'eis', 'zwee', 'dräi', 'véier', 'e puer'], nouns: ['Schüler', 'Schülerinnen', 'Elèven', 'Kanner'] },
];
// Named first, introduced after: "Max, one of my pupils", "Léa, une de mes élèves", "Hannah, meine Schülerin".
const AFTER: readonly Intro[] = [
  ...PLURAL,
  { before: ['my', 'mon', 'mein', 'meine', 'mäi', 'mäin', 'meng'], nouns: ['pupil', 'student', 'élève', 'étudiant', 'étudiante', 'Schüler', 'Schülerin', 'Elève'] },
];
// A pupil's family names the pupil as surely: "my pupil's dad is Peter Meier", "sa mère s'appelle Anne", "der Vater
// heißt Paul Becker", "seng Mamm heescht Anne". The name follows at once, after "is"/"called", or after a comma.
const RELATIVES: readonly Intro[] = [
  { before: ['my', "pupil's", "pupils'", "student's", "child's", "kid's", 'his', 'her', 'their', 'the', 'a'], nouns: ['dad', 'father', 'mother', 'mum', 'mom', 'parent', 'parents', 'guardian', 'stepfather', 'stepmother', 'grandmother', 'grandfather', 'brother', 'sister'] },
  { before: ['son', 'sa', 'ses', 'le', 'la', 'les', 'du', 'un', 'une', 'mon', 'ma'], nouns: ['père', 'mère', 'papa', 'maman', 'parent', 'parents', 'tuteur', 'tutrice', 'frère', 'sœur', 'grand-mère', 'grand-père', 'beau-père', 'belle-mère'] },
  { before: ['sein', 'seine', 'seinem', 'seinen', 'ihr', 'ihre', 'ihrem', 'ihren', 'der', 'die', 'dem', 'den', 'des'], nouns: ['Vater', 'Mutter', 'Papa', 'Mama', 'Eltern', 'Bruder', 'Schwester', 'Großmutter', 'Großvater', 'Oma', 'Opa', 'Stiefvater', 'Stiefmutter'] },
  { before: ['säi', 'säin', 'seng', 'hire', 'hir', 'hiren', 'de', 'den', 'dem', 'der', 'déi'], nouns: ['Papp', 'Mamm', 'Papa', 'Mama', 'Elteren', 'Brudder', 'Schwëster', 'Bomi', 'Bopi'] },
  { before: ['d'], glued: true, nouns: ['Mamm', 'Mama', 'Elteren', 'Schwëster', 'Bomi'] },
];

// A label, as in a pasted report: "Schüler: Paul Becker", "Élève : Léa".
const LABELS = ['pupil', 'student', 'child', 'élève', 'étudiant', 'étudiante', 'enfant', 'Schüler', 'Schülerin', 'Student', 'Studentin', 'Kind', 'Elève', 'Kand'];
// Every introduction holds one of these nouns (as written or as the start of it): the patterns run only where they stand.
const NOUN_STARTS = ['pupil', 'student', 'learner', 'child', 'kid', 'schoolboy', 'schoolgirl', 'élève', 'étudiant', 'enfant', 'écolier', 'écolière', 'schüler', 'schulkind', 'kind', 'elève', 'kand', 'kanner', ...new Set(RELATIVES.flatMap((intro) => intro.nouns.map((noun) => noun.toLowerCase())))];

const SP = String.raw`[ \u00a0]`;
/** "my pupil" → "[Mm]y [Pp]upil": a message may start with the phrase; the `i` flag would also loosen \p{Lu}. */
const phrase = (words: string) =>
  words.replace(/(^| )(\p{L})/gu, (_, space: string, first: string) => `${space}[${first.toUpperCase()}${first.toLowerCase()}]`).replace(/'/g, "['’]").replace(/ /g, SP);
const oneOf = (list: readonly string[]) => `(?:${list.map(phrase).join('|')})`;
/** Matches the noun where it stands and checks the words before it by look-behind, so the pattern starts at the noun. */
const atNoun = ({ before, nouns, glued }: Intro) => String.raw`(?<=(?<![\p{L}])${oneOf(before)}${glued ? "['’]" : SP})${oneOf(nouns)}(?![\p{L}])`;

const CALLED = `${SP}(?:called|named|qui s['’]appelle|nommée?|prénommée?|appelée?|namens|mam Numm)`;
// How a relative's name is given: "is", "called"; not "ist"/"ass", after which German and Luxembourgish capitalise any
// noun ("die Mutter ist Lehrerin").
const IS = `${SP}(?:is|called|named|s['’]appelle|est|heißt|heisst|heescht)`;
// A given name, hyphenated or not ("Léa", "Jean-Luc"), and at most one surname, with its particle ("van", "de").
const GIVEN = String.raw`\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}])`;
const SURNAME = String.raw`${SP}(?:(?:van|von|de|da|di|du|le|la|van der|von der)${SP})?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}])`;

// Several names after a plural: "Max and Léa", "Max, Léa et Noah", "Max und Tom", "Max an Tom".
const AND = String.raw`(?:,${SP}|${SP}(?:and|et|und|an|a|&)${SP})`;
const ONE = String.raw`${GIVEN}(?:${SURNAME})?`;
const LIST = String.raw`${ONE}(?:${AND}${ONE})*`;

/**
 * The default adapter: names introduced as a pupil ("my pupil Max", "mon élève Max", "meine Schülerin Lena", "mäi
 * Schüler Max"), named before the introduction ("Max, one of my pupils") or under a label ("Schüler: Paul Becker").
 * Teachers mix languages, so the patterns of all four apply whatever the message's language. A deployment may pass
 * listedNames (a class list) or a model's spans instead or as well.
 */
export function pupilNamesByPattern(): NameFinder {
  const noun = new RegExp(String.raw`(?<![\p{L}])(?:${NOUN_STARTS.join('|')})`, 'giu');
  // Sticky (y) at each noun, with indices (d) for where the names stand.
  const introductions = [
    new RegExp(`(?:${SINGULAR.map(atNoun).join('|')})(?:${CALLED})?,?${SP}(${ONE})`, 'uyd'),
    // After a plural, a name needs "called", a comma, or a second name ("my pupils Max and Léa").
    new RegExp(`(?:${PLURAL.map(atNoun).join('|')})(?:${CALLED}${SP}|,${SP}|${SP}(?=${ONE}${AND}${ONE}))(${LIST})`, 'uyd'),
    new RegExp(String.raw`${oneOf(LABELS)}${SP}?:${SP}(${ONE})`, 'uyd'),
    new RegExp(`(?:${RELATIVES.map(atNoun).join('|')})(?:${IS})?,?${SP}(${ONE})`, 'uyd'),
  ];
  const after = new RegExp(
    String.raw`(?<=(?<![\p{L}\p{N}])(${GIVEN})(${SURNAME})?,${SP}${oneOf(AFTER.flatMap((intro) => intro.before))}${SP})${oneOf(AFTER.flatMap((intro) => intro.nouns))}(?![\p{L}])`,
    'uyd',
  );
  const one = new RegExp(String.raw`(${GIVEN})(${SURNAME})?`, 'gud');
  /** Each name in [from, to): a given name that is not a common word, with its surname when that is a name too. */
  const names = (text: string, from: number, to: number): NameSpan[] =>
    [...text.slice(from, to).matchAll(one)]
      .filter((m) => couldBeName(m[1]!))
      .map((m) => ({ start: from + m.indices![1]![0], end: from + (m[2] && couldBeName(m[2]) ? m.indices![2]![1] : m.indices![1]![1]) }));
  return (text) => {
    const spans: NameSpan[] = [];
    for (const hit of text.matchAll(noun)) {
      for (const re of introductions) {
        re.lastIndex = hit.index;
        const found = re.exec(text)?.indices?.[1];
        if (found) spans.push(...names(text, found[0], found[1]));
      }
      after.lastIndex = hit.index;
      const m = after.exec(text);
      // "Yesterday Max, one of my pupils": a leading word that is not a name is left as it was.
      if (m) spans.push(...names(text, m.indices![couldBeName(m[1]!) || !m[2] ? 1 : 2]![0], m.indices![2]?.[1] ?? m.indices![1]![1]));
    }
    return spans;
  };
}

/** An adapter for a class list: finds these names wherever they stand, whole words only, longest first. */
export function listedNames(names: readonly string[]): NameFinder {
  const escaped = [...new Set(names.map((name) => name.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s+`));
  if (!escaped.length) return () => [];
  const re = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${escaped.join('|')})(?![\p{L}\p{N}])`, 'gu');
  return (text) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
