// The offline answerer: no model, so the best passages are quoted, cited and framed in the user's language. Pure.
import type { Lang } from '../language/languages.ts';
import { queryTerms, stemPrefix, tokenize } from '../retrieval/normalise.ts';
import type { SearchResult } from '../retrieval/search.ts';
import { toSources, type Source } from './sources.ts';

export type Translate = (key: string) => string;
export type OfflineAnswer = { text: string; sources: Source[] };

const MAX_PASSAGES = 3;
const SENTENCES_PER_PASSAGE = 2;

function sentences(text: string, lang: Lang): string[] {
  const flat = text.replace(/^\s*[-*]\s+/gm, '').replace(/\s+/g, ' ').trim();
  const segmenter = new Intl.Segmenter(lang === 'lb' ? 'de' : lang, { granularity: 'sentence' });
  return [...segmenter.segment(flat)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

/** The sentences of a passage that carry most of the question's words, in their original order. */
export function bestSentences(text: string, question: string, lang: Lang, max = SENTENCES_PER_PASSAGE): string[] {
  const stems = new Set(queryTerms(question, lang).map(stemPrefix));
  const all = sentences(text, lang);
  const scored = all.map((sentence, index) => ({
    index,
    sentence,
    score: new Set(tokenize(sentence).filter((word) => [...stems].some((stem) => word.startsWith(stem)))).size,
  }));
  const chosen = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, max);
  return (chosen.length ? chosen.sort((a, b) => a.index - b.index) : scored.slice(0, max)).map((s) => s.sentence);
}

export function composeOfflineAnswer(question: string, lang: Lang, passages: SearchResult[], t: Translate): OfflineAnswer {
  const used = passages.slice(0, MAX_PASSAGES);
  const sources = toSources(used);
  const quotes = used.map((passage, i) => `> ${bestSentences(passage.text, question, lang).join(' ')} [${i + 1}]`);
  return { text: [t('chat:offline.framing'), ...quotes, t('chat:offline.staff_offer')].join('\n\n'), sources };
}

export function composeRefusal(t: Translate): string {
  return `${t('chat:refusal.no_knowledge')}\n\n${t('chat:refusal.staff_offer')}`;
}
