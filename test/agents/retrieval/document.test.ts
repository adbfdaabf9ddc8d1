import { describe, expect, it } from 'vitest';
import { chunkDocument, parseDocument, splitSections } from '../../../agents/retrieval/document.ts';
import { knowledgeFile } from '../../support/app.ts';

describe('parseDocument', () => {
  it('reads and validates the front matter', () => {
    const doc = parseDocument(knowledgeFile('pillar-x', 'fr', 'Pilier X', 'Texte.').content, 'fr/pillar-x.md');
    expect(doc).toMatchObject({ id: 'pillar-x', lang: 'fr', title: 'Pilier X', updated: '2026-11-22', review: 'machine' });
  });

  it('names the file and the field when the front matter is wrong', () => {
    const raw = knowledgeFile('x', 'pt', 'Title', 'b').content;
    expect(() => parseDocument(raw, 'pt/x.md')).toThrow(/pt\/x\.md: invalid front matter: lang/);
  });
});

describe('splitSections', () => {
  it('keeps the heading path and leaves out the title heading', () => {
    const sections = splitSections('# Title\n\nIntro.\n\n## A\n\nText A.\n\n### A1\n\nText A1.\n\n## B\n\nText B.', 'Title');
    expect(sections).toEqual([
      { headingPath: [], text: 'Intro.' },
      { headingPath: ['A'], text: 'Text A.' },
      { headingPath: ['A', 'A1'], text: 'Text A1.' },
      { headingPath: ['B'], text: 'Text B.' },
    ]);
  });
});

describe('chunkDocument', () => {
  it('splits a long section at paragraph boundaries and numbers the chunks', async () => {
    const paragraph = 'The Finance pillar eases access to funding for small companies and start-ups. '.repeat(8);
    const doc = parseDocument(knowledgeFile('long', 'en', 'Long', `## Money\n\n${paragraph}\n\n${paragraph}`).content, 'en/long.md');
    const chunks = await chunkDocument(doc);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.text.length <= 1200 && chunk.headingPath[0] === 'Money')).toBe(true);
    expect(chunks.map((chunk) => chunk.chunkId)).toEqual(chunks.map((_, i) => `long:en:${i}`));
  });

  it('keeps a sentence that ends in a colon with the list it introduces, though the section is cut', async () => {
    const paragraph = 'The partnership brings training and talent into the AI Factory’s international work. '.repeat(9);
    const items = Array.from({ length: 6 }, (_, i) => `- joint activity number ${i + 1}, with workshops and events for students and companies;`).join('\n');
    const doc = parseDocument(knowledgeFile('mou', 'en', 'MoU', `## Partners\n\n${paragraph}The partners can cooperate in these activities:\n\n${items}`).content, 'en/mou.md');
    const chunks = await chunkDocument(doc);
    expect(chunks.length).toBeGreaterThan(1);
    const leadIn = chunks.find((chunk) => chunk.text.includes('these activities:'))!;
    expect(leadIn.text).toContain('these activities:\n- joint activity number 1');
  });
});
