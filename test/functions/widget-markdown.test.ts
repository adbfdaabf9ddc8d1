// The widget's Markdown subset: structure, citations, and no path from an answer to markup or script.
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, safeHref } from '../../web/widget/markdown.ts';

describe('parseMarkdown', () => {
  it('reads paragraphs, quotes, lists, headings, emphasis, code and citations', () => {
    const blocks = parseMarkdown('# Title\n\nIntro **bold** and *it* `x` [2].\n\n> quoted [1]\n\n- one\n- two\n\n1. first\n2. second');
    expect(blocks.map((b) => b.t)).toEqual(['h', 'p', 'quote', 'list', 'list']);
    expect(blocks[1]).toEqual({
      t: 'p',
      c: [
        { t: 'text', v: 'Intro ' },
        { t: 'strong', c: [{ t: 'text', v: 'bold' }] },
        { t: 'text', v: ' and ' },
        { t: 'em', c: [{ t: 'text', v: 'it' }] },
        { t: 'text', v: ' ' },
        { t: 'code', v: 'x' },
        { t: 'text', v: ' ' },
        { t: 'cite', n: 2 },
        { t: 'text', v: '.' },
      ],
    });
    expect(blocks[3]).toMatchObject({ t: 'list', ordered: false, items: [[{ v: 'one' }], [{ v: 'two' }]] });
    expect(blocks[4]).toMatchObject({ t: 'list', ordered: true });
    expect(plainText(blocks)).toBe('Title Intro bold and it x [2]. quoted [1] one two first second');
  });

  it('keeps HTML as text and drops unsafe link targets', () => {
    const inline = parseInline('<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](/relative) [e](https://ok.example/p?q=1)');
    expect(inline.filter((n) => n.t === 'link')).toEqual([{ t: 'link', href: 'https://ok.example/p?q=1', c: [{ t: 'text', v: 'e' }] }]);
    expect(plainText([{ t: 'p', c: inline }])).toBe('<img src=x onerror=alert(1)> a b c d e');
  });

  it('links bare http(s) URLs without trailing punctuation, and leaves snake_case and dunder names alone', () => {
    expect(parseInline('See https://meluxina.lu/ai.')).toEqual([
      { t: 'text', v: 'See ' },
      { t: 'link', href: 'https://meluxina.lu/ai', c: [{ t: 'text', v: 'https://meluxina.lu/ai' }] },
      { t: 'text', v: '.' },
    ]);
    expect(parseInline('window.__xss=1 and snake_case_name and 2*3*4')).toEqual([{ t: 'text', v: 'window.__xss=1 and snake_case_name and 2*3*4' }]);
  });

  it('accepts only absolute http(s) URLs', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
  });
});
