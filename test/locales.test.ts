import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../locales/index.ts';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
/** Keys written twice in one object of a JSON text (JSON.parse keeps the last one silently), as `path.key`. */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const objects: { path: string; keys: Set<string> }[] = [];
  let lastKey = '';
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"(\s*:)?|[{}]/g)) {
    if (match[0] === '{') objects.push({ path: objects.length ? `${objects.at(-1)!.path}${lastKey}.` : '', keys: new Set() });
    else if (match[0] === '}') objects.pop();
    else if (match[2]) {
      lastKey = match[1]!;
      const current = objects.at(-1)!;
      if (current.keys.has(lastKey)) found.push(`${current.path}${lastKey}`);
      current.keys.add(lastKey);
    }
  }
  return found;
}

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

  it('writes no key twice in one object of a locale file (the second would silently replace the first)', () => {
    expect(duplicateKeys('{"a": {"b": "x", "c": "{y}", "b": "z"}, "b": "w"}')).toEqual(['a.b']);
    const root = new URL('../locales/', import.meta.url).pathname;
    for (const lang of readdirSync(root).filter((name) => !name.includes('.'))) {
      for (const file of readdirSync(join(root, lang)).filter((name) => name.endsWith('.json'))) {
        expect(duplicateKeys(readFileSync(join(root, lang, file), 'utf8')), `${lang}/${file}`).toEqual([]);
      }
    }
  });

  it('has no empty English string', () => {
    for (const keys of Object.values(english)) for (const text of Object.values(keys)) expect(text.trim()).not.toBe('');
  });
});
