import { describe, expect, it } from 'vitest';
import { holdsPrefix } from '../../../agents/retrieval/word-prefix.ts';

const sorted = (text: string) => [...new Set(text.split(' '))].sort();

describe('holdsPrefix', () => {
  const words = sorted('the catalogue has six pillars and a wettbewerb for european projects');

  it('finds a word by its prefix wherever it sorts, and only a word that starts with it', () => {
    for (const prefix of ['a', 'catalo', 'the', 'wett', 'pillars', 'europ']) expect(holdsPrefix(words, prefix)).toBe(true);
    for (const prefix of ['catalogues', 'x', 'zzz', 'ars', 'hatalo', '']) expect(holdsPrefix(words, prefix)).toBe(prefix === '');
    expect(holdsPrefix([], 'a')).toBe(false);
  });

  it('takes a word only when it is at most `longer` characters longer than the prefix, looking past longer ones', () => {
    expect(holdsPrefix(words, 'wett', 3)).toBe(false);
    expect(holdsPrefix(words, 'wett', 6)).toBe(true);
    expect(holdsPrefix(sorted('euro european'), 'euro', 0)).toBe(true);
    expect(holdsPrefix(sorted('europe european euros'), 'euro', 1)).toBe(true);
    expect(holdsPrefix(sorted('europe european'), 'euro', 1)).toBe(false);
  });

  it('answers as a scan of the words does, for every prefix of every word', () => {
    const text = 'ki kuenstlech kënschtlech intelligenz intelligence ia ai artificial artificielle data daten donnéeën';
    const all = sorted(text);
    for (const word of all) {
      for (let end = 1; end <= word.length; end++) {
        const prefix = word.slice(0, end);
        for (const longer of [0, 3, 8]) expect(holdsPrefix(all, prefix, longer)).toBe(all.some((w) => w.startsWith(prefix) && w.length <= prefix.length + longer));
      }
    }
  });
});
