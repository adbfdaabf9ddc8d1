// The documents for a public body link to each other and to the code by relative paths: every such link in docs/
// and in the README must name a file that exists, so a renamed document or source file cannot leave a dead link.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(ROOT, 'docs');

const markdownIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? markdownIn(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []));

/** Every link target in a Markdown text, nested ones (in lists, tables, emphasis) included. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  marked.walkTokens(marked.lexer(markdown), (token: Token) => {
    if (token.type === 'link') targets.push(token.href);
  });
  return targets;
}

describe('links in the documents for a public body', () => {
  it('name files that exist, from docs/ and from the README', () => {
    const files = [...markdownIn(DOCS), join(ROOT, 'README.md')];
    expect(files.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(['docs/data-inventory.md', 'docs/model-cards/bge-m3.md', 'README.md']));
    const dead: string[] = [];
    let checked = 0;
    for (const file of files)
      for (const href of linkTargets(readFileSync(file, 'utf8'))) {
        if (/^[a-z]+:/i.test(href) || href.startsWith('#')) continue;
        checked++;
        const target = join(dirname(file), decodeURI(href.split('#')[0]!));
        if (!existsSync(target)) dead.push(`${relative(ROOT, file)} → ${href}`);
      }
    expect(dead).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
