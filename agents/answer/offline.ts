// The offline answerer: no model, so the passage sentences that answer the question are quoted and cited. Pure.
import type { Lang } from '../language/languages.ts';
import { normaliseForIndex, queryTerms, stemPrefix } from '../retrieval/normalise.ts';
import type { SearchResult } from '../retrieval/search.ts';
import { questionTerms, SPECIFIC_SHARE, type QuestionTerm, type TermStats } from './confidence.ts';
import { AS_SYNONYM } from '../retrieval/synonyms.ts';
import { agesAsked, answersType, asksWhatIs, countsAsked, coversAge, definition, EVERYWHERE, namesIn, questionType, type QuestionType } from './question-type.ts';
import { describesItsPage, opensWithReference, splitSentences } from './sentences.ts';
import { toSources, type Source } from './sources.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
/** `quoted`: sentences were chosen for the question's words, not only a passage's opening for want of them. */
export type OfflineAnswer = { text: string; sources: Source[]; quoted: boolean };

const MAX_QUOTES = 3;
const SENTENCES_PER_PASSAGE = 2;
// Two sentences state the same fact, as the FAQ and the page it summarises do, when this share of the shorter
// one's content words is in the other.
const SAME_FACT = 0.6;
// A quote that adds nothing new still follows the first when it is at least this strong relative to it.
const FOLLOW_UP = 0.5;
// A name from the question counts more in a quote than any other word (a synonym counts less, AS_SYNONYM): it is what
// the question is about.
const AS_NAME = 2;
// The age group asked about counts in a quote as a name does (a key no question word has), and its section holds the
// kind of answer asked for.
const AGE_GROUP = ' age group';
// A word matches a question word's stem only if it is at most this much longer: "Wetter" is not "Wettbewerb", and
// retrieval's looser prefix match (stemPrefix) has already chosen the passages. The question's own long word matches
// from its whole stem: "Digitaliséierung" is nine letters longer than "digital". A synonym, brought in by the concept
// list rather than typed, must match closer: "euros" (stem "euro") is money, "European" is not; a word of the list
// itself counts however long ("Europäescher" for "EU").
const LONGER = 8;
const SYNONYM_LONGER = 3;
// The shortest word of a text that a longer question word may start with and still mean it.
const MIN_PART = 5;
// A word found only in the sentence a quote refers back to counts half: it says what "it" is, not what "it" does.
const IN_CONTEXT = 0.5;
// Words of a subject asked about count as a phrase in a text where at most this many words separate them ("national
// AI strategy" for "national strategy").
const PHRASE_GAP = 2;
// In a next quote, a question word an earlier quote already holds counts this much: a new word adds more.
const REPEATED = 0.5;
// When quotes are ranked, a question word the knowledge uses everywhere (in more than SPECIFIC_SHARE of the chunks:
// "strategy", "services") counts this much against one that names a topic: the sentence on the topic comes first.
// Whether a quote is relevant at all is still judged on the words as they are.
const GENERAL = 0.75;

/** A quotable stretch of a passage: one sentence, with the ones before it that it refers back to. */
type Quote = {
  passage: number;
  first: number;
  last: number;
  text: string;
  /** The question's terms found in it (by stem), each with its weight. */
  found: Map<string, number>;
  /**
   * Whether it holds the kind of answer asked for (a name, a number, a date, or what the subject asked about is): 0 or
   * 1, and 2 for a number of what the question counts (question-type.ts countsAsked) or a sentence that says what the
   * subject asked about is (question-type.ts definition).
   */
  fits: number;
  /** Each sentence's content words, for telling repeated facts apart. */
  contents: Set<string>[];
};

/** `subject`: for a question that asks what something is, the stems a defining sentence names before its verb. */
/** `general`: the stems of the question's words that the knowledge uses everywhere (GENERAL). */
type Asked = { question: string; lang: Lang; terms: QuestionTerm[]; type: QuestionType; named: Set<string>; subject: string[]; general: Set<string> };

function foundTerms(text: string, asked: Asked): Map<string, number> {
  const words = normaliseForIndex(text, asked.lang).split(' ');
  const matches = (word: string, form: string, longer = LONGER) => word.startsWith(form) && word.length <= form.length + longer;
  const has = (form: string, longer = LONGER) => words.some((word) => matches(word, form, longer));
  // A long question word whose first half or more is a word of the text: "healthcare" is about "health",
  // "Klimaschutz" about "Klima".
  const within = (whole: string) => words.some((word) => word.length >= MIN_PART && 2 * word.length >= whole.length && whole.startsWith(word));
  const found = new Map<string, number>();
  for (const term of asked.terms) {
    if (has(term.stem) || (term.whole !== undefined && (has(term.whole) || within(term.whole)))) found.set(term.stem, asked.named.has(term.stem) ? AS_NAME : 1);
    else if (term.forms.some((form) => has(form, SYNONYM_LONGER)) || term.synonyms.some((synonym) => words.includes(synonym))) found.set(term.stem, AS_SYNONYM);
  }
  // The subject of "what is …?" in two words that follow each other in the text is one idea found whole: "data
  // space" in "… research groups, data spaces and …", not "data" and "space" in "data assets: finance, space".
  if (asked.subject.length > 1) asked.terms.forEach((term, i) => {
    const next = asked.terms[i + 1];
    if (!next || !found.has(term.stem) || !found.has(next.stem)) return;
    const together = words.some((word, w) => matches(word, term.stem) && words.slice(w + 1, w + 1 + PHRASE_GAP).some((after) => matches(after, next.stem)));
    if (together) found.set(`${term.stem} ${next.stem}`, 1);
  });
  return found;
}

function quotesOf(text: string, passage: number, asked: Asked): Quote[] {
  const sentences = splitSentences(text, asked.lang);
  const quotable = (sentence: string) => !describesItsPage(sentence, asked.lang);
  const contents = sentences.map((sentence) => new Set(queryTerms(sentence, asked.lang).map(stemPrefix)));
  return sentences.flatMap((sentence, last) => {
    if (!quotable(sentence)) return [];
    let first = last;
    while (first > 0 && opensWithReference(sentences[first]!, asked.lang)) first--;
    // A sentence on the question's subject without the number, date or name asked for takes the sentence before it
    // when that one holds it: "… 140 to 200 trainings a year. The courses range from …".
    const borrows = asked.type !== 'other' && first > 0 && !answersType(sentence, asked.type, asked.question, asked.lang) && answersType(sentences[first - 1]!, asked.type, asked.question, asked.lang);
    if (borrows) first--;
    const found = foundTerms(sentence, asked);
    for (const [stem, weight] of foundTerms(sentences.slice(first, last).join(' '), asked)) {
      found.set(stem, Math.max(found.get(stem) ?? 0, weight * IN_CONTEXT));
    }
    const defined = definition(sentence, asked.subject, asked.lang);
    const fits = answersType(sentence, asked.type, asked.question, asked.lang) || (borrows && found.size > 0) || defined > 0;
    const counts = fits && asked.type === 'howMany' && countsAsked(sentences.slice(first, last + 1).join(' '), asked.terms.map((term) => term.stem));
    return [
      {
        passage,
        first,
        last,
        text: sentences.slice(first, last + 1).join(' '),
        found,
        fits: counts || defined === 2 ? 2 : fits ? 1 : 0,
        contents: contents.slice(first, last + 1),
      },
    ];
  });
}

const overlaps = (a: Quote, b: Quote) => a.passage === b.passage && a.first <= b.last && b.first <= a.last;

// A number ("140", "2024") marks a fact more surely than a word, so it counts twice.
const weightOf = (words: Iterable<string>) => [...words].reduce((sum, word) => sum + (/\d/.test(word) ? 2 : 1), 0);

function sameSentence(a: Set<string>, b: Set<string>): boolean {
  return weightOf([...a].filter((word) => b.has(word))) >= SAME_FACT * Math.min(weightOf(a), weightOf(b));
}

const sameFact = (a: Quote, b: Quote) => overlaps(a, b) || a.contents.some((one) => b.contents.some((other) => sameSentence(one, other)));

/**
 * Quotes that answer the question, best first, none repeating another's fact. The first must be relevant: its
 * question words weigh two (a name from the question alone does), counting its passage's headings and a fitting
 * answer as one each, so that one general word ("tomorrow", "first") is not enough. Each next one must add a
 * question word or the kind of answer still missing, or be at least half as strong as the first: facts that the
 * question's words cannot tell apart are better quoted side by side than guessed. Of those that qualify, the one
 * that adds most comes next, the question words already quoted counting at a discount: a strong quote of the same
 * words beats a weak one that merely brings a new word.
 */
function choose(candidates: Quote[], asked: Asked, headings: Set<string>[], limit: number): Quote[] {
  const needed = Math.min(2, asked.terms.length);
  const chosen: Quote[] = [];
  const covered = new Set<string>();
  const weight = (quote: Quote, stems: string[]) => stems.reduce((sum, stem) => sum + (quote.found.get(stem) ?? 0), 0);
  const ranked = (quote: Quote, stems: string[]) => stems.reduce((sum, stem) => sum + (quote.found.get(stem) ?? 0) * (asked.general.has(stem) ? GENERAL : 1), 0);
  const strength = (quote: Quote) => weight(quote, [...quote.found.keys()]) + quote.fits;
  // The same, general words counting less: for ranking the quotes that qualify.
  const rank = (quote: Quote) => ranked(quote, [...quote.found.keys()].filter((stem) => !covered.has(stem))) + answers(quote) + REPEATED * ranked(quote, [...quote.found.keys()].filter((stem) => covered.has(stem)));
  const rankStrength = (quote: Quote) => ranked(quote, [...quote.found.keys()]) + quote.fits;
  const answers = (quote: Quote) => (chosen.some((other) => other.fits) ? 0 : quote.fits);
  const gain = (quote: Quote) => weight(quote, [...quote.found.keys()].filter((stem) => !covered.has(stem))) + answers(quote);
  const relevant = (quote: Quote) => quote.found.size > 0 && strength(quote) + (headings[quote.passage]?.size ?? 0) >= needed;
  const follows = (quote: Quote) => quote.found.size > 0 && (gain(quote) >= 1 || (relevant(quote) && strength(quote) >= FOLLOW_UP * strength(chosen[0]!)));
  while (chosen.length < limit) {
    const best = candidates
      .filter((quote) => (chosen.length ? follows(quote) : relevant(quote)) && !chosen.some((other) => sameFact(quote, other)))
      .sort((a, b) => answers(b) - answers(a) || rank(b) - rank(a) || rankStrength(b) - rankStrength(a) || a.passage - b.passage || a.first - b.first)[0];
    if (!best) break;
    chosen.push(best);
    for (const stem of best.found.keys()) covered.add(stem);
  }
  return chosen;
}

/** A passage's first `count` sentences as its quotes, in order, each sentence once (a quote can span several). */
function opening(quotes: Quote[], count: number): Quote[] {
  const taken: Quote[] = [];
  for (let next = 0; next < count; ) {
    const longest = quotes.filter((quote) => quote.first === next && quote.last < count).sort((a, b) => b.last - a.last)[0];
    if (!longest) break;
    taken.push(longest);
    next = longest.last + 1;
  }
  return taken;
}

function asking(question: string, lang: Lang, stats?: TermStats): Asked {
  const terms = questionTerms(question, lang);
  const general = new Set(stats ? terms.map((term) => term.stem).filter((stem) => (stats.byPrefix.get(stem) ?? 0) > SPECIFIC_SHARE * stats.total) : []);
  // The country and the AI Factory are named in nearly every sentence ("Luxemburger", "Lëtzebuerger" too): as names
  // they would outweigh the words that tell the sentences apart.
  const everywhere = (word: string) => EVERYWHERE.some((name) => name.length > 3 && word.startsWith(name));
  const names = new Set(normaliseForIndex(namesIn(question, lang).join(' '), lang).split(' ').filter((word) => !everywhere(word)).map(stemPrefix));
  const subject = asksWhatIs(question, lang) ? queryTerms(question, lang).map(stemPrefix) : [];
  return { question, lang, terms, type: questionType(question, lang), named: new Set(terms.map((term) => term.stem).filter((stem) => names.has(stem))), subject, general };
}

/** The sentences of a passage that answer the question (each with the sentence it refers back to), in their order. */
export function bestSentences(text: string, question: string, lang: Lang, max = SENTENCES_PER_PASSAGE): string[] {
  const asked = asking(question, lang);
  const candidates = quotesOf(text, 0, asked);
  const chosen = choose(candidates, asked, [], max);
  return (chosen.length ? chosen.sort((a, b) => a.first - b.first) : candidates.slice(0, 1)).map((quote) => quote.text);
}

/**
 * The best sentences of the passages, quoted and cited, framed in the user's language. With `framing: 'pillars'`
 * each passage is a service pillar that fits a project: its title and its best sentence, one line each. `offerStaff`
 * ends the answer with the offer of a person. `stats`, the chunk counts of the question's stems, rank a quote on the
 * question's topic above one that holds only its general words.
 */
export function composeOfflineAnswer(question: string, lang: Lang, passages: SearchResult[], t: Translate, framing: 'offline' | 'pillars' = 'offline', offerStaff = true, stats?: TermStats): OfflineAnswer {
  if (framing === 'pillars') {
    // A pillar's title names it and then describes it ("Build & Test: prototypes, …"): the name alone leads its line.
    const lines = passages.map((passage, i) => `> ${t('chat:pillars.line', { name: passage.title.split(':')[0]!.trim(), text: bestSentences(passage.text, question, lang, 1).join(' ') })} [${i + 1}]`);
    return { text: [t('chat:pillars.framing'), ...lines].join('\n\n'), sources: toSources(passages), quoted: true };
  }
  const asked = asking(question, lang, stats);
  const headings = passages.map((passage) => new Set(foundTerms(`${passage.title} ${passage.headingPath.join(' ')}`, asked).keys()));
  // "Activities for 12-year-olds": the section for the age group that holds 12 is what the question is about.
  const ages = agesAsked(question);
  const forAge = (passage: SearchResult) => ages.length > 0 && coversAge(passage.headingPath.join(' '), ages);
  const candidates = passages.flatMap((passage, i) => quotesOf(passage.text, i, asked).map((quote) => (forAge(passage) ? { ...quote, found: new Map([...quote.found, [AGE_GROUP, AS_NAME]]), fits: 2 } : quote)));
  // A section headed by the question itself ("What services does … offer?") is its answer: its opening, and nothing else.
  const section = passages[0]?.headedByQuestion ? opening(quotesOf(passages[0].text, 0, asked), SENTENCES_PER_PASSAGE) : [];
  const chosen = section.length ? section : choose(candidates, asked, headings, MAX_QUOTES);
  // Without a sentence that carries the question, the opening of the best passage that has one says what it is about.
  const quotes = chosen.length ? chosen : passages.flatMap((passage, i) => quotesOf(passage.text, i, asked)).slice(0, 1);
  // Passages of one document share its citation: the source is the document, shown by its first quoted passage.
  const documentOf = (quote: Quote) => passages[quote.passage]!.docId;
  const cited = [...new Set(quotes.map(documentOf))];
  const lines = quotes.map((quote) => `> ${quote.text} [${cited.indexOf(documentOf(quote)) + 1}]`);
  const shown = cited.map((docId) => passages[quotes.find((quote) => documentOf(quote) === docId)!.passage]!);
  const closing = offerStaff ? [t('chat:offline.staff_offer')] : [];
  return { text: [t('chat:offline.framing'), ...lines, ...closing].join('\n\n'), sources: toSources(shown), quoted: chosen.length > 0 };
}

/** What the assistant cannot answer, and what it can help with: the teachers' assistant has its own field. */
export function composeRefusal(t: Translate, forTeachers = false): string {
  return forTeachers ? t('chat:edu.no_knowledge') : `${t('chat:refusal.no_knowledge')}\n\n${t('chat:refusal.staff_offer')}`;
}
