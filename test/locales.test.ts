import { describe, expect, it } from 'vitest';
import { resources } from '../locales/index.ts';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const english = Object.fromEntries(Object.entries(resources.en).map(([ns, tree]) => [ns, flatten(tree as Tree)]));

  it.each(['fr', 'de', 'lb'] as const)('%s has every English key, none empty, with the same placeholders', (lang) => {
    for (const [ns, keys] of Object.entries(english)) {
      const translated = flatten((resources[lang] as Record<string, Tree>)[ns] ?? {});
      expect(Object.keys(translated).sort(), `${lang}/${ns}`).toEqual(Object.keys(keys).sort());
      for (const [key, text] of Object.entries(translated)) {
        expect(text.trim(), `${lang}/${ns}:${key}`).not.toBe('');
        expect(placeholders(text), `${lang}/${ns}:${key}`).toEqual(placeholders(keys[key]!));
      }
    }
  });

  it('has no empty English string', () => {
    for (const keys of Object.values(english)) for (const text of Object.values(keys)) expect(text.trim()).not.toBe('');
  });
});
