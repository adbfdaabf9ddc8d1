import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../../agents/answer/sources.ts';

/** The snippet as it was defined before only a prefix was flattened: the whole text flattened, then cut. */
function wholeSnippet(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

describe('snippetOf', () => {
  it('gives a short text whole, its spaces flattened', () => {
    expect(snippetOf('  MeluXina-AI\n\n  is   run by LuxProvide. ')).toBe('MeluXina-AI is run by LuxProvide.');
  });

  it('cuts a long passage at a word within the limit', () => {
    const text = `${'Luxinnovatioun begleet Betriber. '.repeat(30)}`;
    const snippet = snippetOf(text, 60);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(61);
    expect(text.startsWith(snippet.slice(0, -1))).toBe(true);
  });

  it('reads past whitespace that collapses, as flattening the whole passage would', () => {
    const cases = [
      `${' '.repeat(500)}${'word '.repeat(100)}`,
      `a${'\n'.repeat(700)}b c d e f g h i j k l m n o p q r s t u v w x y z ${'lorem ipsum '.repeat(40)}`,
      `${'x'.repeat(59)} ${' \t'.repeat(300)}${'y'.repeat(80)}`,
      `${'abc '.repeat(15)}${' '.repeat(1000)}`,
      'eng zwou dräi',
    ];
    for (const text of cases) for (const max of [10, 60, 240]) expect(snippetOf(text, max)).toBe(wholeSnippet(text, max));
  });
});
