// Does a message lean on the previous question ("and who runs it?")? Then that question's topic belongs in the
// search. A short message that opens with "and", or points back with a pronoun, does. Pure.
import type { Lang } from '../language/languages.ts';
import { normaliseForIndex } from '../retrieval/normalise.ts';

// Words that open a follow-up ("and …?", "what about …?").
const OPENERS: Record<Lang, readonly string[]> = {
  en: ['and', 'also', 'what about', 'how about', 'so'],
  fr: ['et', 'aussi', 'alors', 'et pour'],
  de: ['und', 'auch', 'also', 'und was'],
  lb: ['a', 'an', 'och', 'also'],
};
// Pronouns and adverbs that stand for something said before. Words that are as often articles or impersonal
// ("le, la, l'", "il" in "existe-t-il", "es" in "gibt es", "there is", Luxembourgish "en, et") are left out.
const POINTERS: Record<Lang, readonly string[]> = {
  en: ['it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those', 'he', 'she', 'him', 'her'],
  fr: ['elle', 'ils', 'elles', 'lui', 'leur', 'leurs', 'ca', 'cela', 'celui', 'celle', 'ceux', 'son', 'sa', 'ses'],
  de: ['er', 'sie', 'ihn', 'ihm', 'ihnen', 'dort', 'dies', 'diese', 'dieser', 'dieses', 'dessen', 'deren', 'sein', 'seine', 'dafur', 'davon', 'dazu'],
  lb: ['se', 'hien', 'him', 'hir', 'hinnen', 'do', 'dat', 'des', 'desen', 'sain', 'seng', 'dofir', 'dovun', 'dozou'],
};
/** Longer messages carry their own topic. */
const SHORT_WORDS = 6;

// The words left out above, where they can only be pronouns: a German or Luxembourgish article never ends a
// question ("wer leitet es?", "zënter wéini gëtt et deen?"), a French subject "il" opens one ("il existe depuis
// quand ?"), and an elided "l'" before a form of "avoir" is an object ("qui l'a rédigée ?"; the index's words drop it).
const LAST_POINTERS: Record<Lang, readonly string[]> = { en: [], fr: [], de: ['es', 'das', 'die', 'den', 'dem'], lb: ['et', 'en', 'deen', 'déi', 'se', 'si', 'hatt'] };
const ELIDED_OBJECT = /(?:^|\s)l['’]\s*(?:a|avez|avons|ont|avait|avaient|aura|auront)\b/iu;

/**
 * Whether a message may lean on the previous question: it does (leansOnPrevious), or it is short and holds one of
 * the words above. Such a message is not searched with the previous question first, but may be answered by it.
 */
export function mayLeanOnPrevious(message: string, lang: Lang): boolean {
  if (leansOnPrevious(message, lang)) return true;
  const words = normaliseForIndex(message, lang).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > SHORT_WORDS) return false;
  const french = lang === 'fr' && (words[0] === 'il' || ELIDED_OBJECT.test(message));
  return french || LAST_POINTERS[lang].some((pointer) => normaliseForIndex(pointer, lang) === words.at(-1));
}

export function leansOnPrevious(message: string, lang: Lang): boolean {
  const words = normaliseForIndex(message, lang).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > SHORT_WORDS) return false;
  const opening = words.slice(0, 2).join(' ');
  return OPENERS[lang].some((opener) => opening === opener || opening.startsWith(`${opener} `)) || words.some((word) => POINTERS[lang].includes(word));
}
