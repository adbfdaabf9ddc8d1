// IBANs: printed or electronic, any case, validated by ibantools (length, mod-97, national BBAN checks), exact spans.
import { describe, expect, it } from 'vitest';
import { ibanFinder } from '../../../agents/privacy/ibans.ts';

const find = ibanFinder();
const found = (text: string) => find(text).map(({ start, end }) => text.slice(start, end));

describe('ibanFinder', () => {
  it.each([
    ['LU28 0019 4006 4475 0000', 'printed in groups of four'],
    ['LU280019400644750000', 'electronic'],
    ['lu28 0019 4006 4475 0000', 'in lower case'],
    ['LU87 0019 4006 4475 000A', 'with a letter in the account'],
    ['DE89 3704 0044 0532 0130 00', 'German'],
    ['FR14 2004 1010 0505 0001 3M02 606', 'French, with the RIB key'],
    ['BE68 5390 0754 7034', 'Belgian'],
    ['CH93 0076 2011 6238 5295 7', 'Swiss'],
    ['GB29 NWBK 6016 1331 9268 19', 'British, with a bank code'],
  ])('finds %s (%s) and only it', (iban) => {
    expect(found(`Pay into ${iban}, thanks.`)).toEqual([iban]);
  });

  it('stops at the country length: the next word is not part of the IBAN', () => {
    expect(found('LU28 0019 4006 4475 0000 EUR')).toEqual(['LU28 0019 4006 4475 0000']);
  });

  it.each([
    ['LU28 0019 4006 4475 0001', 'a wrong check'],
    ['BE97 0012 3456 7890', 'a Belgian account whose own check fails'],
    ['LU28 0019 4006 4475 000', 'one character short'],
    ['LU2800194006447500001', 'one character too many'],
    ['XX28 0019 4006 4475 0000', 'no such country'],
    ['INF-2031', 'a course code'],
  ])('leaves %s (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});
