// Reading a message by its words: names never vote, confidence needs agreeing words, foreign words only warn.
import { describe, expect, it } from 'vitest';
import { readWords, tallyWords } from '../../../agents/language/vote.ts';

const read = (text: string) => readWords(tallyWords(text));

describe('readWords', () => {
  it.each(['MeluXina', 'LIST?', 'EuroHPC AI', 'AI Act?', 'cloud start-up', 'Luxinnovation GPU cloud'])('lets names and loanwords cast no vote: %s', (text) => {
    expect(read(text)).toEqual({ kind: 'unsure' });
  });

  it.each([
    ['wat ass MeluXina', 'lb'],
    ['WAT ASS MELUXINA', 'lb'],
    ['was ist LIST', 'de'],
    ["qu'est-ce que l'AI Factory", 'fr'],
    ['c’est gratuit ?', 'fr'],
    ['Förderung für KI', 'de'],
    ['kënne mir schwätzen', 'lb'],
    ["what's the price", 'en'],
    ['Rufft mech w.e.g. zréck', 'lb'],
  ] as const)('is confident when two words agree and none belongs to another language only: %s', (text, lang) => {
    expect(read(text)).toEqual({ kind: 'supported', lang, confident: true });
  });

  it.each([
    ['wien', 'lb'],
    ['moien', 'lb'],
    ['merci villmools', 'lb'],
    ['danke schön', 'de'],
    ['thanks', 'en'],
  ] as const)('only leans on one word or on greetings and thanks: %s', (text, lang) => {
    expect(read(text)).toEqual({ kind: 'supported', lang, confident: false });
  });

  it.each(['merci', 'danke', 'hallo', 'mir', 'what ist'])('is unsure when two of our languages tie: %s', (text) => {
    expect(read(text)).toEqual({ kind: 'unsure' });
  });

  it('names a foreign language only when its words show and none of ours do', () => {
    expect(read('hola, ¿cómo estás?')).toEqual({ kind: 'other', iso639_3: 'spa' });
    expect(read('o que é MeluXina?')).toEqual({ kind: 'unsure' });
  });
});
