// Language choice: explicit > confident detection > conversation > Accept-Language > English. Pure.
import { detectLanguage, type Detection } from './detect.ts';
import { isLang, type Lang } from './languages.ts';

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

export function chooseLanguage(inputs: LanguageInputs, detect: (text: string) => Detection = detectLanguage): LanguageChoice {
  const fallback = fallbackLanguage(inputs);
  if (isLang(inputs.explicit)) return { lang: inputs.explicit, source: 'explicit' };
  if (inputs.message) {
    const detection = detect(inputs.message);
    if (detection.kind === 'supported') return { lang: detection.lang, source: 'detected' };
    if (detection.kind === 'other') return { ...fallback, foreign: detection.iso639_3 };
  }
  return fallback;
}

function fallbackLanguage(inputs: LanguageInputs): LanguageChoice {
  if (isLang(inputs.conversation)) return { lang: inputs.conversation, source: 'conversation' };
  const [preferred] = parseAcceptLanguage(inputs.acceptLanguage);
  if (preferred) return { lang: preferred, source: 'header' };
  return { lang: 'en', source: 'default' };
}
