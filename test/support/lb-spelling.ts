// Luxembourgish spelling for the tests: a word is known when the Hunspell dictionary dictionary-lb has it or a
// reviewed allow-list of test/fixtures names it (one word per line).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nspell from 'nspell';

const require = createRequire(import.meta.url);
const dictionaryDir = require.resolve('dictionary-lb/index.aff').replace(/index\.aff$/, '');

/** The words of the allow-list test/fixtures/<name>. */
export function allowList(name: string): string[] {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((word) => word.trim())
    .filter(Boolean);
}

/** A checker that returns the distinct words of a text that neither the dictionary nor the allow-lists know. */
export function lbSpelling(allowLists: readonly string[] = ['lb-allowlist.txt']): (text: string) => string[] {
  const spell = nspell({ aff: readFileSync(`${dictionaryDir}index.aff`), dic: readFileSync(`${dictionaryDir}index.dic`) });
  const allowed = new Set(allowLists.flatMap(allowList));
  const known = (word: string) => spell.correct(word) || allowed.has(word);
  return (text) => {
    const words = text.match(/\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu) ?? [];
    // Elided articles (d', z', s') are written onto the next word; compounds with a hyphen are checked by part.
    const stems = new Set(words.map((word) => word.replace(/’/g, "'").replace(/^[dzs]'/i, '')));
    return [...stems].filter((word) => !known(word) && !word.split('-').every(known));
  };
}
