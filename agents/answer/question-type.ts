// What kind of answer a question asks for (a person or body, a number, a date), and whether a sentence gives one. Pure.
import type { Lang } from '../language/languages.ts';
import { tokenize } from '../retrieval/normalise.ts';

export type QuestionType = 'who' | 'howMany' | 'when' | 'other';

// Phrases in folded tokens (tokenize: lower case, no accents, elisions dropped). They ask only at the head of a
// question ("Into how many …", "Bis zu wie viele …"): further on, "who" and "when" start a clause ("for people
// who …", "when it comes to …"). French "qui" is also the relative pronoun ("Quelles entreprises qui …"), so
// alone it must open the question.
const PHRASES: Record<Lang, Record<Exclude<QuestionType, 'other'>, string[]>> = {
  en: {
    who: ['who', 'whom', 'whose'],
    howMany: ['how many', 'how much', 'number of', 'what percentage', 'what share', 'what factor'],
    when: ['when', 'what date', 'which date', 'what day', 'what year', 'which year'],
  },
  fr: {
    who: ['a qui', 'par qui', 'avec qui'],
    howMany: ['combien', 'quel pourcentage', 'quelle part', 'quel nombre', 'nombre de'],
    when: ['quand', 'quelle date', 'quel jour', 'quelle annee', 'quel mois'],
  },
  de: {
    who: ['wer', 'wem', 'wen', 'wessen'],
    howMany: ['wie viele', 'wie vielen', 'wie viel', 'wieviel', 'wieviele', 'welcher anteil', 'wie hoch'],
    when: ['wann', 'welchem tag', 'welchem datum', 'welchem jahr', 'welchem monat'],
  },
  lb: {
    who: ['wien', 'wiem', 'wiens', 'wie'],
    howMany: ['wei vill', 'weivill', 'wei vull'],
    when: ['weini', 'wei engem dag', 'wei engem joer', 'wei engem datum'],
  },
};
const OPENINGS: Partial<Record<Lang, string[]>> = { fr: ['qui'] };
// The head of a clause: its first four words ("What's the maximum number of …").
const HEAD = 4;
// "Which body …", "Quelle institution …", "Welche Ministerin …", "Wéi eng Organisatioun …" ask who as well: a
// which-word followed, within two words, by a word for a person, an organisation or a named thing (an event, a
// conference, a platform), matched as a prefix: the answer is a name.
const WHICH: Record<Lang, string[]> = {
  en: ['which', 'what'],
  fr: ['quel', 'quelle', 'quels', 'quelles'],
  de: ['welche', 'welcher', 'welches', 'welchen', 'welchem'],
  lb: ['wei eng', 'wei engem', 'wei enger', 'wat fir'],
};
const BODIES: Record<Lang, string[]> = {
  en: ['body', 'bodies', 'organi', 'agenc', 'ministr', 'minister', 'compan', 'firm', 'partner', 'institution', 'universit', 'person', 'official', 'government', 'event', 'conference', 'summit', 'platform', 'initiative', 'network'],
  fr: ['institution', 'organis', 'structure', 'minist', 'entreprise', 'partenaire', 'universit', 'membre', 'personne', 'acteur', 'evenement', 'conference', 'sommet', 'plateforme', 'initiative', 'reseau'],
  de: ['stelle', 'institution', 'organisation', 'behorde', 'minister', 'partner', 'firma', 'universitat', 'hochschule', 'person', 'veranstaltung', 'event', 'konferenz', 'gipfel', 'plattform', 'initiative', 'netzwerk'],
  lb: ['institutioun', 'organisatioun', 'minister', 'partner', 'betrib', 'firma', 'universitei', 'persoun', 'evenement', 'event', 'konferenz', 'sommet', 'plattform', 'initiativ', 'netzwierk'],
};

/** Where a phrase that starts in the head of a clause ends, for each time it does. */
const phraseEnds = (tokens: string[], phrase: string) => {
  const words = phrase.split(' ');
  return tokens.slice(0, HEAD).flatMap((_, i) => (words.every((word, j) => tokens[i + j] === word) ? [i + words.length] : []));
};

// "Who can use …?", "Qui peut …", "Wer kann …": who may do something asks for a kind of organisation or person (companies,
// researchers), not for a name.
const MAY: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['can', 'could', 'may']),
  fr: new Set(['peut', 'peuvent', 'pourrait', 'pourraient']),
  de: new Set(['kann', 'konnen', 'konnte', 'konnten', 'darf', 'durfen']),
  lb: new Set(['kann', 'kennen', 'keint', 'daerf', 'daerfen']),
};

function clauseType(tokens: string[], lang: Lang): QuestionType {
  for (const type of ['howMany', 'when'] as const) {
    if (PHRASES[lang][type].some((phrase) => phraseEnds(tokens, phrase).length > 0)) return type;
  }
  const who = [...PHRASES[lang].who.flatMap((phrase) => phraseEnds(tokens, phrase)), ...((OPENINGS[lang] ?? []).includes(tokens[0] ?? '') ? [1] : [])];
  if (who.length) return who.some((end) => MAY[lang].has(tokens[end] ?? '')) ? 'other' : 'who';
  const asksWhichBody = WHICH[lang]
    .flatMap((phrase) => phraseEnds(tokens, phrase))
    .some((end) => tokens.slice(end, end + 2).some((next) => BODIES[lang].some((body) => next.startsWith(body))));
  return asksWhichBody ? 'who' : 'other';
}

/** The kind of answer asked for, from the first clause that asks one ("Is it getting faster? By how much?"). */
export function questionType(question: string, lang: Lang): QuestionType {
  const clauses = question.split(/[?!.;]+|\s[–—]\s/).map(tokenize);
  return clauses.map((tokens) => clauseType(tokens, lang)).find((type) => type !== 'other') ?? 'other';
}

// English "may" and Luxembourgish "mee" ("but") are left out: they are far more often not the month.
const MONTHS: Record<Lang, string[]> = {
  en: ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  fr: ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  de: ['januar', 'janner', 'februar', 'marz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  lb: ['januar', 'februar', 'maerz', 'abrell', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
};
const YEAR = /^(?:19|20)\d\d$/;
// Names in nearly every sentence of the knowledge, which never answer "who": the AI Factory and its country.
export const EVERYWHERE: readonly string[] = ['luxembourg', 'luxemburg', 'letzebuerg', 'ai', 'ki', 'ia', 'factory'];

/** A word spelled as only a name is, in any language: an acronym (LNDS) or a capital inside a word (MeluXina). */
export const spelledAsName = (word: string): boolean => /\p{Lu}{2,}/u.test(word) || /\p{Ll}\p{Lu}/u.test(word);

// A name, as far as spelling shows one: an acronym (LNDS), a capital inside a word (LuxProvide), or, where only
// names are capitalised (English, French), a capitalised word that does not open the sentence. German and
// Luxembourgish capitalise every noun, so there two capitalised words in a row (Mario Grotz) stand in for it.
// Brackets hold abbreviations of what precedes them ("computing (HPC)"), not names of their own.
export function namesIn(sentence: string, lang: Lang): string[] {
  return nameGroups(sentence, lang).flat();
}

/** The names of a sentence as they stand together: "Second World War" is one name of three words, not three names. */
export function nameGroups(text: string, lang: Lang): string[][] {
  // Each sentence opens with a capital of its own: "… a carpenter's workshop. Where do we start?"
  return text.split(/[.!?…]+(?:\s+|$)/u).flatMap((sentence) => sentenceNames(sentence, lang));
}

function sentenceNames(sentence: string, lang: Lang): string[][] {
  // Words stand together only within a clause: "Betriber, Start-uppen" are two nouns of a list, not one name.
  const clauses = sentence.replace(/\([^)]*\)/g, ' ').split(/[,;:]/);
  const groups: string[][] = [];
  clauses.forEach((clause, c) => {
    const words = clause.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
    const capital = (word: string) => /^\p{Lu}/u.test(word);
    const isName = (word: string, i: number) => {
      // The English "I" and a lone initial are no names.
      if (word.length < 2) return false;
      if (spelledAsName(word)) return true;
      if ((c === 0 && i === 0) || !capital(word)) return false;
      return lang === 'en' || lang === 'fr' || (i > 0 && capital(words[i - 1]!) && (c > 0 || i > 1)) || capital(words[i + 1] ?? '');
    };
    words.forEach((word, i) => {
      if (!isName(word, i)) return;
      if (i > 0 && isName(words[i - 1]!, i - 1)) groups.at(-1)!.push(word);
      else groups.push([word]);
    });
  });
  return groups;
}

/** Whether a sentence holds the kind of answer asked for: a name not already in the question, a number, a date. */
export function answersType(sentence: string, type: QuestionType, question: string, lang: Lang): boolean {
  const tokens = tokenize(sentence);
  if (type === 'howMany') return tokens.some((token) => /^\d/.test(token) && !YEAR.test(token));
  if (type === 'when') return tokens.some((token) => YEAR.test(token) || MONTHS[lang].includes(token));
  if (type === 'who') {
    const known = new Set([...tokenize(question), ...EVERYWHERE]);
    // "Luxembourg's" folds to "luxembourgs".
    return namesIn(sentence, lang).some((name) => !tokenize(name).every((token) => known.has(token) || known.has(token.replace(/s$/, ''))));
  }
  return false;
}

// A number counts what follows it within this many words ("13 AI Factories", "5 grandes priorités").
const COUNTED_WITHIN = 3;

/**
 * Whether a sentence gives a number of what the question counts: a number followed closely by one of the question's
 * stems. "How many AI Factories …?" is answered by "13 AI Factories", not by "5 challenges" in a sentence on the EU.
 */
export function countsAsked(sentence: string, stems: readonly string[]): boolean {
  const tokens = tokenize(sentence);
  return tokens.some((token, i) => /^\d/.test(token) && !YEAR.test(token) && tokens.slice(i + 1, i + 1 + COUNTED_WITHIN).some((next) => stems.some((stem) => next.startsWith(stem))));
}

// "What is MeluXina?": asked at the head of a question, with the verb that a defining sentence uses after its subject.
const WHAT_IS: Record<Lang, string[]> = {
  en: ['what is', 'whats', 'what are', 'what does', 'tell me about', 'explain'],
  // Elisions are dropped by tokenize: "qu'est-ce que" reads "est ce que", "c'est quoi" reads "est quoi"; typed
  // without the apostrophe or as texted, "cest quoi", "c koi".
  fr: ['est ce que', 'est quoi', 'cest quoi', 'est koi', 'cest koi', 'c koi', 'que signifie', 'que veut dire'],
  de: ['was ist', 'was sind', 'was bedeutet', 'was heisst', 'erklar', 'erzahl'],
  lb: ['wat ass', 'wat sinn', 'wat bedeit', 'wat heescht', 'erklar', 'erziel'],
};
const COPULAS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['is', 'are', 'means', 'refers', 'stands']),
  fr: new Set(['est', 'sont', 'designe', 'signifie']),
  de: new Set(['ist', 'sind', 'bedeutet', 'bezeichnet']),
  lb: new Set(['ass', 'sinn', 'bedeit', 'heescht']),
};
// A defining sentence names its subject and its verb among its first words.
const DEFINING_HEAD = 8;
// What the verb "to be" is followed by when the sentence says what its subject is ("is the service pillar", "est
// l'agence", "ass eng Plattform") rather than what happens to it ("is often combined"); an elided article is the
// word's part before the apostrophe.
const ARTICLES: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['a', 'an', 'the']),
  fr: new Set(['un', 'une', 'le', 'la', 'les', 'l']),
  de: new Set(['ein', 'eine', 'der', 'die', 'das']),
  lb: new Set(['en', 'eng', 'e', 'den', 'dei', 'dat', 'd', 'de']),
};
// The predicate's first words after its article, where the rest of a subject may stand: "What is the Finance
// pillar?" is answered by "Finance is the service pillar …".
const PREDICATE_HEAD = 3;

/** Whether the question asks what something is ("What is MeluXina?", "C'est quoi le LNDS ?"). */
export function asksWhatIs(question: string, lang: Lang): boolean {
  const tokens = tokenize(question);
  return WHAT_IS[lang].some((phrase) => phraseEnds(tokens, phrase).length > 0);
}

/**
 * How a sentence defines a subject: 1 when it names all of the subject's stems before its verb "to be", among its
 * first words ("Le LNDS est membre du consortium", "The Finance pillar is often combined …"); 2 when the verb is
 * followed by an article, naming what the subject is, with some of its stems before the verb and the others just
 * after the article ("MeluXina is the national supercomputer", "Finance is the service pillar …"); else 0.
 */
export function definition(sentence: string, subject: readonly string[], lang: Lang): 0 | 1 | 2 {
  if (subject.length === 0) return 0;
  const words = sentence.split(/\s+/);
  const verb = words.slice(0, DEFINING_HEAD).findIndex((word) => COPULAS[lang].has(tokenize(word)[0] ?? ''));
  if (verb <= 0) return 0;
  const names = (part: string[], stem: string) => part.some((word) => tokenize(word).some((token) => token.startsWith(stem)));
  const before = words.slice(0, verb);
  const article = ARTICLES[lang].has(tokenize(words[verb + 1]?.split(/['’]/)[0] ?? '')[0] ?? '');
  const predicate = words.slice(verb + 1, verb + 2 + PREDICATE_HEAD);
  if (article && subject.some((stem) => names(before, stem)) && subject.every((stem) => names(before, stem) || names(predicate, stem))) return 2;
  return subject.every((stem) => names(before, stem)) ? 1 : 0;
}

// Ages of pupils: a number of years (3 to 19) in a question that speaks of age ("12-year-olds", "de 13 à 15 ans",
// "12-jährige", "Kanner vun 12 Joer"); a heading's age group ("Ages 10 to 12", "Ab 16 Jahren", "Vu 16 Joer un").
const AGE_WORDS = /year|\bans?\b|jährig|jahre|\bjoer\b|âge|\bages?\b|alter/iu;
const PUPIL_AGE = /(?<!\d)(?:[3-9]|1\d)(?!\d)/g;
const AGE_RANGE = /(?<!\d)(\d{1,2})\s*(?:to|à|bis|-|–)\s*(\d{1,2})(?!\d)/u;
const AGE_FROM = /(?:\bab|à partir de|\bvun?|\bfrom)\s+(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})\s+(?:and over|ans et plus|\+)/iu;

/** The pupils' ages a question names, if it speaks of age at all. */
export function agesAsked(question: string): number[] {
  return AGE_WORDS.test(question) ? [...question.matchAll(PUPIL_AGE)].map((m) => Number(m[0])) : [];
}

/** Whether a heading names an age group that holds one of the ages. */
export function coversAge(heading: string, ages: readonly number[]): boolean {
  const range = AGE_RANGE.exec(heading);
  if (range) return ages.some((age) => age >= Number(range[1]) && age <= Number(range[2]));
  const from = AGE_FROM.exec(heading);
  return from !== null && ages.some((age) => age >= Number(from[1] ?? from[2]));
}
