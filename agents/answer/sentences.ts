// Sentences of a passage for quoting, and the sentences that lean on the one before them. Pure.
import { LANGS, type Lang } from '../language/languages.ts';
import { tokenize } from '../retrieval/normalise.ts';

// Intl.Segmenter (ICU's UAX #29 rules) already keeps decimals ("1.5"), URLs and an abbreviation followed by a
// lower-case word ("etc. and", "bzw. die") inside one sentence. It breaks after any period followed by a capital,
// and V8 does not pass on ICU's per-locale exception lists (the "-u-ss-standard" key is ignored), so the
// abbreviations and ordinals that are never a sentence's end hide their period from it; German and
// Luxembourgish, which capitalise every noun, need this most ("am 2. Dezember", "z. B. Daten").
const ABBREVIATIONS: Record<Lang, string[]> = {
  en: ['e.g.', 'i.e.', 'Dr.', 'Mr.', 'Mrs.', 'Ms.', 'Prof.', 'St.', 'vs.', 'approx.', 'cf.'],
  fr: ['p. ex.', 'M.', 'MM.', 'Mme.', 'Dr.', 'Pr.', 'St.', 'Ste.', 'cf.', 'env.'],
  de: ['z. B.', 'd. h.', 'u. a.', 'bzw.', 'ca.', 'Dr.', 'Prof.', 'St.', 'Nr.', 'vgl.', 'ggf.', 'evtl.', 'inkl.', 'bspw.', 'sog.', 'Mio.', 'Mrd.'],
  lb: ['z. B.', 'd. h.', 'bzw.', 'resp.', 'ca.', 'Dr.', 'Prof.', 'St.', 'Nr.', 'vgl.', 'Mio.', 'Mrd.'],
};
// Abbreviations that end a sentence when they stand alone ("No." as an answer) but not before a number.
const BEFORE_NUMBER: Record<Lang, string[]> = { en: ['No.', 'Art.', 'art.'], fr: ['Art.', 'art.', 'al.'], de: ['Art.', 'Abs.'], lb: ['Art.', 'Abs.'] };
const MONTHS: Partial<Record<Lang, string[]>> = {
  de: ['Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  lb: ['Januar', 'Februar', 'Mäerz', 'Abrëll', 'Mee', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};
// A number after an article or a contracted preposition is an ordinal ("die 3. Phase", "vum 29. Oktober"); after
// other words ("in 2022. LNDS …", "bis 12.") it may well end the sentence, so only these count.
const ORDINAL_LEAD: Partial<Record<Lang, string[]>> = {
  de: ['am', 'im', 'zum', 'zur', 'vom', 'beim', 'der', 'die', 'das', 'dem', 'den', 'des'],
  lb: ['am', 'um', 'zum', 'vum', 'den', 'dem', 'der', 'de', 'déi', 'dat'],
};

// Stands for a period the segmenter must not see; the private-use area never occurs in the knowledge.
const HIDDEN = '\uE000';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: string[]) => words.map((word) => escape(word).replace(/\\\.\s+/g, '\\.\\s?')).join('|');

function protections(lang: Lang): RegExp[] {
  const patterns = [
    new RegExp(`(?<![\\p{L}\\p{N}.])(?:${alternatives(ABBREVIATIONS[lang])})(?=\\s|$)`, 'gu'),
    new RegExp(`(?<![\\p{L}\\p{N}.])(?:${alternatives(BEFORE_NUMBER[lang])})(?=\\s*\\d)`, 'gu'),
  ];
  const months = MONTHS[lang];
  if (months) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}.])\\d{1,2}\\.(?=\\s+(?:${months.join('|')})(?![\\p{L}]))`, 'gu'));
  const leads = ORDINAL_LEAD[lang];
  if (leads) patterns.push(new RegExp(`(?<=(?:^|[\\s(])(?:${leads.join('|')})\\s)\\d{1,3}\\.(?=\\s+\\p{Lu})`, 'giu'));
  return patterns;
}

const perLang = <T>(make: (lang: Lang) => T) => Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
const PROTECTIONS = perLang(protections);
// ICU has no Luxembourgish sentence data; German's rules are the closest.
const SEGMENTERS = perLang((lang) => new Intl.Segmenter(lang === 'lb' ? 'de' : lang, { granularity: 'sentence' }));

/** The sentences of a passage, Markdown list markers and line breaks removed. */
export function splitSentences(text: string, lang: Lang): string[] {
  const flat = text
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    // A chunk cut at ". " (agents/retrieval/document.ts) starts with the previous sentence's period.
    .replace(/^[\s.,;:]+/, '')
    .trim();
  const hidden = PROTECTIONS[lang].reduce((out, pattern) => out.replace(pattern, (match) => match.replaceAll('.', HIDDEN)), flat);
  const pieces = [...SEGMENTERS[lang].segment(hidden)].map((piece) => piece.segment.replaceAll(HIDDEN, '.').trim()).filter((sentence) => sentence.length > 0);
  // UAX #29 always breaks after "?" or "!", even inside a sentence that quotes a question ("Bei „Ist das erlaubt?“
  // ordnen die Jugendlichen …", "« Qui a écrit ça ? » est …"): a piece that goes on in lower case, after closing
  // quotes and the punctuation after them ("« Vrai ou faux ? », les élèves …"), belongs to it (an elision such as "d'" may
  // open a sentence).
  // An answer of one word ("Ja.", "Yes.") says nothing quoted alone: it stays with the sentence that explains it.
  return pieces.reduce<string[]>((sentences, piece) => {
    const previous = sentences.at(-1);
    const continues = previous !== undefined && /[?!][\p{Pi}\p{Pf}\p{Pe}"']*$/u.test(previous) && /^[\p{Pi}\p{Pf}\p{Pe}"'\s,;:]*\p{Ll}(?!['’])/u.test(piece);
    if (previous !== undefined && (continues || /^\p{L}+[.!]$/u.test(previous))) sentences[sentences.length - 1] = `${previous} ${piece}`;
    else sentences.push(piece);
    return sentences;
  }, []);
}

// Openings that point back at something the previous sentence named: demonstratives, pronouns, "both", and
// connectives that add to it. Subject pronouns are in although some are empty ("It helps to …", "Es gibt …") or
// the polite German "Sie": in the knowledge they mostly stand for the AI Factory or a pillar, and the sentence
// before costs less than a quote about "it". The Luxembourgish articles "Déi" and "Dat" are left out.
const REFERENCE_OPENINGS: Record<Lang, string[]> = {
  en: ['this', 'these', 'those', 'that', 'such', 'both', 'it', 'its', 'they', 'their', 'he', 'she', 'his', 'her', 'also', 'moreover', 'furthermore', 'additionally', 'in addition', 'however', 'together', 'the latter', 'the former', 'as it', 'as they', 'because it', 'because they', 'since it', 'since they'],
  fr: ['ce', 'cet', 'cette', 'ces', 'ceux', 'celles', 'celui', 'celle', 'cela', 'ceci', 'il', 'ils', 'elle', 'elles', 'son', 'sa', 'ses', 'leur', 'leurs', 'les deux', 'tous deux', 'toutes deux', 'de plus', 'en outre', 'par ailleurs', 'en plus', 'toutefois', 'cependant', 'ensemble', 'comme il', 'comme elle', 'comme ils', 'comme elles', 'comme cette', 'comme ce', 'parce qu il', 'parce qu elle'],
  de: ['dieser', 'diese', 'dieses', 'diesen', 'diesem', 'er', 'sie', 'es', 'sein', 'seine', 'seinen', 'seinem', 'seiner', 'ihr', 'ihre', 'beide', 'beiden', 'auch', 'außerdem', 'zudem', 'ferner', 'darüber hinaus', 'dabei', 'dafür', 'dazu', 'deshalb', 'daher', 'dort', 'hierbei', 'hierfür', 'jedoch', 'allerdings', 'gemeinsam', 'zusammen', 'solche', 'letztere', 'da sie', 'da er', 'da es', 'weil sie', 'weil er', 'weil es'],
  lb: ['dës', 'dëse', 'dëst', 'dësen', 'dëser', 'hien', 'hie', 'si', 'et', 'säin', 'seng', 'sengem', 'senger', 'hir', 'hire', 'hiren', 'hirem', 'béid', 'béide', 'ausserdeem', 'doriwwer eraus', 'dobäi', 'derbäi', 'dofir', 'dowéinst', 'do', 'och', 'esou', 'allerdéngs', 'zesummen', 'zesumme', 'well si', 'well hien', 'well et', 'well dës', 'well dat'],
};
const REFERENCE_TOKENS = perLang((lang) => REFERENCE_OPENINGS[lang].map(tokenize));

/** Whether a sentence's first words are one of the phrases (each as tokens). */
function opensWith(sentence: string, phrases: readonly string[][]): boolean {
  const opening = tokenize(sentence.slice(0, 40));
  return phrases.some((phrase) => phrase.every((word, i) => opening[i] === word));
}

/** Whether a sentence opens by referring back ("Both tools …", "Außerdem …", "Dës …") and needs the one before. */
export function opensWithReference(sentence: string, lang: Lang): boolean {
  return opensWith(sentence, REFERENCE_TOKENS[lang]);
}

// Sentences about the page itself ("This guide explains who can ask for support …"): they describe a document the
// visitor does not see, and answer nothing.
const PAGE_OPENINGS: Record<Lang, string[]> = {
  en: ['this guide', 'this page', 'this document', 'this section'],
  fr: ['ce guide', 'cette page', 'ce document', 'cette section'],
  de: ['dieser leitfaden', 'diese seite', 'dieses dokument', 'dieser abschnitt'],
  lb: ['dëse guide', 'dës säit', 'dëst dokument', 'dësen abschnitt'],
};
const PAGE_TOKENS = perLang((lang) => PAGE_OPENINGS[lang].map(tokenize));

/** Whether a sentence describes the page it stands on rather than the subject ("Cette page résume …"). */
export function describesItsPage(sentence: string, lang: Lang): boolean {
  return opensWith(sentence, PAGE_TOKENS[lang]);
}
