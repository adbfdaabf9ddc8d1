// Luxembourgish spelling: every word of knowledge/lb is in dictionary-lb (hunspell) or in the reviewed allow-list.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { readKnowledgeDocs } from '../../eval/knowledge.ts';

const require = createRequire(import.meta.url);
const dictionaryDir = require.resolve('dictionary-lb/index.aff').replace(/index\.aff$/, '');
const allowed = new Set(
  readFileSync(new URL('../fixtures/lb-allowlist.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((word) => word.trim())
    .filter(Boolean),
);

describe('Luxembourgish spelling', () => {
  it('has no word outside the dictionary and the allow-list, per document', () => {
    const spell = nspell({ aff: readFileSync(`${dictionaryDir}index.aff`), dic: readFileSync(`${dictionaryDir}index.dic`) });
    const unknown: Record<string, string[]> = {};
    const known = (word: string) => spell.correct(word) || allowed.has(word);
    for (const [id, body] of readKnowledgeDocs('lb')) {
      const words = body.match(/\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu) ?? [];
      // Elided articles (d', z', s') are written onto the next word; compounds with a hyphen are checked by part.
      const stems = new Set(words.map((word) => word.replace(/’/g, "'").replace(/^[dzs]'/i, '')));
      const misses = [...stems].filter((word) => !known(word) && !word.split('-').every(known));
      if (misses.length) unknown[id] = misses;
    }
    expect(unknown).toEqual({});
  });
});
