// wordText and wordPattern: messages and patterns normalised alike (case, accents, elisions, stretched letters, the n-rule).
import { describe, expect, it } from 'vitest';
import { gap, oneOf, wordPattern, wordText } from '../../../agents/intent/words.ts';

describe('wordText', () => {
  it('folds case, accents and punctuation and squeezes stretched letters', () => {
    expect(wordText('Hiii!! Thaaanks :)', 'en')).toBe(' hi thanks ');
  });

  it('drops French elisions, typed with an apostrophe or a space', () => {
    expect(wordText('J’aimerais parler à l’équipe', 'fr')).toBe(wordText('j aimerais parler a l equipe', 'fr'));
  });
});

describe('wordPattern', () => {
  it('matches plain spelling against accented, stretched or n-rule variants', () => {
    const pattern = wordPattern('ech wëll mat engem Mënsch schwätzen', 'lb');
    expect(pattern.test(wordText('Ech well mat engem Mensch schwätze!', 'lb'))).toBe(true);
    expect(wordPattern('merci villmools', 'lb').test(wordText('MERCI VILMOOLS', 'lb'))).toBe(true);
  });

  it('matches whole words only, with gaps and alternatives', () => {
    const pattern = wordPattern(`talk ${gap(1)}to ${oneOf('a person', 'someone')}`, 'en');
    expect(pattern.test(wordText('can I talk right to someone', 'en'))).toBe(true);
    expect(pattern.test(wordText('can I talk to someones', 'en'))).toBe(false);
    expect(pattern.test(wordText('talkative to a person', 'en'))).toBe(false);
  });

  it('anchors at the start of the text when asked to', () => {
    expect(wordPattern('thank you', 'en', true).exec('thank you so much ')?.[0]).toBe('thank you');
    expect(wordPattern('thank you', 'en', true).test('oh thank you ')).toBe(false);
  });
});
