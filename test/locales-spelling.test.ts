// Luxembourgish spelling of the interface: every word of locales/lb/*.json is in dictionary-lb (hunspell) or in the
// reviewed allow-list, as for knowledge/lb.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lbSpelling } from './support/lb-spelling.ts';

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree): string[] => Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : strings(value)));
// Not words: i18next placeholders, tags, Markdown link targets and web addresses.
const prose = (text: string) => text.replace(/\{\{[^}]*\}\}|<[^>]*>|\]\([^)]*\)|https?:\/\/\S+/g, ' ');

describe('Luxembourgish spelling of locales/lb', () => {
  it('has no word outside the dictionary and the allow-list, per file', () => {
    const unknownWords = lbSpelling();
    const root = new URL('../locales/lb/', import.meta.url).pathname;
    const files = readdirSync(root).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const unknown: Record<string, string[]> = {};
    for (const file of files) {
      const tree = JSON.parse(readFileSync(join(root, file), 'utf8')) as Tree;
      const misses = [...new Set(strings(tree).flatMap((text) => unknownWords(prose(text))))];
      if (misses.length) unknown[file] = misses;
    }
    expect(unknown).toEqual({});
  });
});
