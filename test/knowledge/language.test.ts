// Every paragraph of 12 words or more reads, to franc-all, as the language of its folder.
import { francAll } from 'franc-all';
import { describe, expect, it } from 'vitest';
import { ISO639_3, LANGS } from '../../agents/language/languages.ts';
import { paragraphs, readKnowledgeDocs } from '../../eval/knowledge.ts';

const ONLY = LANGS.map((lang) => ISO639_3[lang]);

describe('knowledge language', () => {
  it.each(LANGS)('every long paragraph in knowledge/%s is classified as that language', (lang) => {
    const wrong: string[] = [];
    let read = 0;
    for (const [id, body] of readKnowledgeDocs(lang)) {
      for (const paragraph of paragraphs(body)) {
        read++;
        const [best] = francAll(paragraph, { only: ONLY });
        if (best?.[0] !== ISO639_3[lang]) wrong.push(`${id} (${best?.[0]}): ${paragraph.slice(0, 80)}`);
      }
    }
    expect(read).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });
});
