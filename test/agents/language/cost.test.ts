// How many franc-all passes a message costs: none when short or clearly ours, the wide one only when the words leave doubt.
import { francAll } from 'franc-all';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseLanguage } from '../../../agents/language/choose.ts';

// franc-all passes through; the spy counts them, since each wide comparison costs several restricted ones.
vi.mock('franc-all', async (importOriginal) => {
  const actual = await importOriginal<typeof import('franc-all')>();
  return { ...actual, francAll: vi.fn(actual.francAll) };
});

const passes = () => vi.mocked(francAll).mock.calls.map(([, options]) => (options?.only?.length === 4 ? 'ours' : 'wide'));

describe('language detection cost', () => {
  beforeEach(() => vi.mocked(francAll).mockClear());

  it.each(['wat ass MeluXina', 'was ist Meluxina?', "c'est gratuit?", 'how many AI Factories', 'merci'])('reads a short message by its words alone: %s', (message) => {
    chooseLanguage({ message });
    expect(passes()).toEqual([]);
  });

  it.each([
    'How can my company get funding for an AI project?',
    'Comment mon entreprise peut-elle obtenir un financement ?',
    'Wie kann mein Unternehmen eine Förderung bekommen?',
    'Mir sinn eng kleng Firma aus dem Handwierk a wëllen wëssen, wéi mir kënschtlech Intelligenz an eisem Alldag notze kënnen.',
  ])('runs no trigram pass at all when the words are clearly ours: %s', (message) => {
    chooseLanguage({ message });
    expect(passes()).toEqual([]);
  });

  it('reads a message by its words alone when more of them are a foreign language\'s than ours', () => {
    expect(chooseLanguage({ message: 'Come posso ottenere un finanziamento per la mia azienda?' }).foreign).toBe('ita');
    expect(passes()).toEqual([]);
  });

  it('compares with foreign languages when the words leave room for doubt', () => {
    expect(chooseLanguage({ message: 'Quanto costa un progetto di intelligenza artificiale?' }).foreign).toBe('ita');
    expect(passes()).toEqual(['ours', 'wide']);
  });
});
