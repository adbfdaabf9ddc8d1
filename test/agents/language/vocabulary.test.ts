// The knowledge's words per language decide a message the detectors cannot read.
import { describe, expect, it } from 'vitest';
import { vocabularyLeaning, vocabularyOf } from '../../../agents/language/vocabulary.ts';
import { indexedText } from '../../../db/queries/knowledge.ts';
import { normaliseForIndex } from '../../../agents/retrieval/normalise.ts';
import type { Lang } from '../../../agents/language/languages.ts';

const row = (lang: Lang, text: string) => ({ lang, indexed: indexedText('', normaliseForIndex(text, lang)) });
const vocabulary = vocabularyOf([
  row('en', 'The Finance pillar helps with funding and training for MeluXina users.'),
  row('fr', 'Le pilier Finance aide au financement et aux formations sur MeluXina.'),
  row('de', 'Die Säule Finance hilft bei der Förderung und bei Schulungen auf MeluXina.'),
  row('lb', 'De Pilier Finance hëlleft bei der Finanzéierung an de Formatiounen op MeluXina.'),
]);

describe('vocabularyLeaning', () => {
  it.each([
    ['financement ?', 'fr'],
    ['Finanzéierung?', 'lb'],
    ['Finanzeierung', 'lb'],
    ['funding?', 'en'],
    ['Schulungen', 'de'],
    ['formations ?', 'fr'],
  ] as const)('reads "%s" as %s: only its documents write the word', (message, lang) => {
    expect(vocabularyLeaning(message, vocabulary)).toBe(lang);
  });

  it('reads Luxembourgish words as its index does, with or without the final n', () => {
    expect(vocabularyLeaning('Formatioune', vocabulary)).toBe('lb');
  });

  it('says nothing of a word every language writes, a word none writes, or a tie', () => {
    expect(vocabularyLeaning('MeluXina?', vocabulary)).toBeNull();
    expect(vocabularyLeaning('Finance', vocabulary)).toBeNull();
    expect(vocabularyLeaning('bakery', vocabulary)).toBeNull();
    expect(vocabularyLeaning('funding financement', vocabulary)).toBeNull();
  });
});
