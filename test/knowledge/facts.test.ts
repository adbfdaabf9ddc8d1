// The knowledge carries every fact of the seeds, in all four languages, under the same ids.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../agents/language/languages.ts';
import { parseDocument } from '../../agents/retrieval/document.ts';
import { containsKey, factKey, loadFacts } from '../../eval/facts.ts';
import { knowledgeFolder, readKnowledgeDocs } from '../../eval/knowledge.ts';

const facts = loadFacts();
const ids = (lang: (typeof LANGS)[number]) => readdirSync(knowledgeFolder(lang)).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)).sort();

describe('facts inventory', () => {
  it('has at least 40 facts with unique ids, from every seed', () => {
    expect(facts.length).toBeGreaterThanOrEqual(40);
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    const seeds = readdirSync(new URL('../../../shared/seeds/', import.meta.url)).filter((n) => n.endsWith('.txt'));
    expect(new Set(facts.map((f) => f.seed))).toEqual(new Set(seeds));
  });

  it.each(LANGS)('every fact\'s key term is in its document in %s', (lang) => {
    const docs = readKnowledgeDocs(lang);
    const missing = facts.filter((fact) => !containsKey(docs.get(fact.docId) ?? '', factKey(fact, lang))).map((f) => `${f.id} ${f.docId}: ${factKey(f, lang)}`);
    expect(missing).toEqual([]);
  });
});

describe('knowledge documents', () => {
  it('have the same ids in all four languages', () => {
    for (const lang of LANGS) expect(ids(lang), lang).toEqual(ids('en'));
    expect(ids('en').length).toBeGreaterThanOrEqual(17);
  });

  it.each(LANGS)('in %s have valid front matter in their own language, and no URL', (lang) => {
    for (const id of ids(lang)) {
      const raw = readFileSync(new URL(`${id}.md`, knowledgeFolder(lang)), 'utf8');
      const doc = parseDocument(raw, `${lang}/${id}.md`);
      expect(doc.id).toBe(id);
      expect(doc.lang).toBe(lang);
      expect(raw, `${lang}/${id}.md`).not.toMatch(/https?:\/\/|www\./);
    }
  });
});
