// Language choice: explicit > the message's language > conversation > Accept-Language > English. Pure.
import { readMessage } from './detect.ts';
import { isLang, type Lang } from './languages.ts';
import { vocabularyLeaning, type Vocabulary } from './vocabulary.ts';

export type LanguageChoice = {
  lang: Lang;
  source: 'explicit' | 'detected' | 'conversation' | 'header' | 'default';
  /** Set when the message is confidently in a language we do not speak (ISO 639-3). */
  foreign?: string;
};

export type LanguageInputs = {
  explicit?: string | null;
  message?: string | null;
  conversation?: string | null;
  acceptLanguage?: string | null;
  /** The knowledge's words per language: they settle a new conversation's message that the detectors cannot read. */
  vocabulary?: () => Vocabulary;
};

/** Parses an Accept-Language header into our languages, best first. */
export function parseAcceptLanguage(header: string | null | undefined): Lang[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => isLang(entry.base) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.base as Lang);
}

/**
 * The reply's language. A conversation keeps its language unless the message is confidently in another of ours
 * ("was ist MeluXina?" is; "merci", "ok" or "AI Act?" are not); a new one takes the language the message leans to.
 * The widget sends its page's language as Accept-Language, so the header stands for the page and the browser.
 */
export function chooseLanguage(inputs: LanguageInputs): LanguageChoice {
  if (isLang(inputs.explicit)) return { lang: inputs.explicit, source: 'explicit' };
  const fallback = fallbackLanguage(inputs);
  if (!inputs.message) return fallback;
  const reading = readMessage(inputs.message);
  if (reading.kind === 'other') return { ...fallback, foreign: reading.iso639_3 };
  if (reading.kind === 'supported' && (reading.confident || !isLang(inputs.conversation))) return { lang: reading.lang, source: 'detected' };
  // "financement ?" holds no word the detectors read, but a word only the French documents write.
  const leaning = reading.kind === 'unsure' && !isLang(inputs.conversation) && inputs.vocabulary ? vocabularyLeaning(inputs.message, inputs.vocabulary()) : null;
  return leaning ? { lang: leaning, source: 'detected' } : fallback;
}

function fallbackLanguage(inputs: LanguageInputs): LanguageChoice {
  if (isLang(inputs.conversation)) return { lang: inputs.conversation, source: 'conversation' };
  const [preferred] = parseAcceptLanguage(inputs.acceptLanguage);
  if (preferred) return { lang: preferred, source: 'header' };
  return { lang: 'en', source: 'default' };
}
