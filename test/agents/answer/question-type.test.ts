import { describe, expect, it } from 'vitest';
import { nameGroups, namesIn } from '../../../agents/answer/question-type.ts';

describe('nameGroups', () => {
  it.each([
    ['en', 'When did the Second World War end?', [['Second', 'World', 'War']]],
    ['en', 'How did Peter Hinssen compare America with Europe?', [['Peter', 'Hinssen'], ['America'], ['Europe']]],
    ['fr', 'Que fait LuxProvide pour MeluXina ?', [['LuxProvide'], ['MeluXina']]],
    ['de', 'Wer ist Mario Grotz?', [['Mario', 'Grotz']]],
    ['fr', 'Que veut dire le sigle L-AIF ?', [['L-AIF']]],
    ['lb', "Wat heescht d'Ofkierzung L-AIF?", [['L-AIF']]],
  ] as const)('reads the names of a %s question ("%s") as they stand together', (lang, question, groups) => {
    expect(nameGroups(question, lang)).toEqual(groups);
  });

  it('leaves the opening word and German nouns standing alone out', () => {
    expect(nameGroups('Welche Art von Firmen hat Luxinnovation im Blick?', 'de')).toEqual([]);
    expect(namesIn('Who runs the supercomputer?', 'en')).toEqual([]);
  });
});

describe('nameGroups across sentences', () => {
  it('takes the first word of every sentence as an opening, not a name', () => {
    expect(nameGroups('Mir sinn e klenge Schräinerbetrib. Wou fänke mir un mat KI?', 'lb')).toEqual([['KI']]);
    expect(nameGroups('We run a bakery. Where do we start? Is MeluXina open to us?', 'en')).toEqual([['MeluXina']]);
  });
});

describe('nameGroups within a clause', () => {
  it('reads nouns of a German or Luxembourgish list as nouns, not as one name', () => {
    expect(nameGroups("D'Evenement huet d'Servicer fir Betriber, Start-uppen, ëffentlech Verwaltungen a Fuerscher lancéiert.", 'lb')).toEqual([]);
    expect(nameGroups('Den Data Summit Luxembourg huet ugefaangen.', 'lb')).toEqual([['Data', 'Summit', 'Luxembourg']]);
  });
});
