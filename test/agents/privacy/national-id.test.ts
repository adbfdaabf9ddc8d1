// Luxembourg's national identification number: check digits against published vectors and an independent
// implementation (python-stdnum's luhn and verhoeff modules produced the valid numbers below), dates, and finding.
import { describe, expect, it } from 'vitest';
import { isValidNationalId, luhnCheckDigit, nationalIdFinder, verhoeffCheckDigit } from '../../../agents/privacy/national-id.ts';

// Date of birth + serial, then the Luhn digit and the Verhoeff digit over those 11 digits (python-stdnum 1.18).
const VALID = [
  '1985031512371', '1979010100450', '2012022951704', '1962113025065', '2015090708881', '1999061273117', '2008122440240', '1973100566621',
  '2017031801945', '1988072034525', '2011053088075', '1993021422292', '2005010110070', '1956080890152', '2014041130315', '2016092761128',
];
// Right check digits over a date that does not exist: 31 February, month 13, 29 February 2023, day 0.
const IMPOSSIBLE_DATES = ['1985023112382', '1985131512356', '2023022911194', '1985001555531'];

describe('check digits', () => {
  it('computes Luhn digits as the published examples do', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('19850315123')).toBe(7);
  });

  it('computes Verhoeff digits as the published examples do', () => {
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffCheckDigit('12345')).toBe(1);
    expect(verhoeffCheckDigit('19850315123')).toBe(1);
  });
});

describe('isValidNationalId', () => {
  it.each(VALID)('accepts %s: a birth date, a serial, a Luhn and a Verhoeff digit', (id) => {
    expect(isValidNationalId(id)).toBe(true);
  });

  it.each(IMPOSSIBLE_DATES)('rejects %s: the check digits are right but the date does not exist', (id) => {
    expect(isValidNationalId(id)).toBe(false);
  });

  it('rejects a wrong Luhn digit, a wrong Verhoeff digit, and both swapped', () => {
    expect(isValidNationalId('1985031512381')).toBe(false);
    expect(isValidNationalId('1985031512372')).toBe(false);
    expect(isValidNationalId('1985031512317')).toBe(false);
  });

  it('rejects any single changed digit of a valid number', () => {
    for (const id of VALID.slice(0, 4)) {
      for (let i = 8; i < 13; i++) {
        const changed = id.slice(0, i) + String((Number(id[i]) + 1) % 10) + id.slice(i + 1);
        expect(isValidNationalId(changed), changed).toBe(false);
      }
    }
  });

  it('rejects 13 digits that are not a number of this kind, and anything not 13 digits', () => {
    for (const id of ['1234567890123', '0000000000000', '1710500000000', '198503151237', '19850315123710', '1985 0315 123 71', '198503151237a']) {
      expect(isValidNationalId(id), id).toBe(false);
    }
  });
});

describe('nationalIdFinder', () => {
  const find = nationalIdFinder();
  const found = (text: string) => find(text).map(({ start, end }) => text.slice(start, end));

  it('finds the number written whole or grouped as on forms', () => {
    expect(found('ID 1985031512371.')).toEqual(['1985031512371']);
    expect(found('ID 1985 0315 123 71, ok')).toEqual(['1985 0315 123 71']);
    expect(found('ID 1985 03 15 123 71')).toEqual(['1985 03 15 123 71']);
    expect(found('ID 1985.03.15.123.71')).toEqual(['1985.03.15.123.71']);
  });

  it('finds it grouped another way when the run holds exactly 13 digits', () => {
    expect(found('Number: 1985 031 512 371.')).toEqual(['1985 031 512 371']);
    expect(found('Numbers: 26 1985 031 512 371')).toEqual([]);
  });

  it('finds a number mistyped in its check digits when a word names it, and leaves one that nothing names', () => {
    expect(found('Matrikel 1990 0101 12345')).toEqual(['1990 0101 12345']);
    expect(found('son matricule : 1990010112345')).toEqual(['1990010112345']);
    expect(found('Sozialversicherungsnummer 1985031512372')).toEqual(['1985031512372']);
    expect(found('Order 1985031512372 has shipped.')).toEqual([]);
    // A date that does not exist is no birth date, named or not.
    expect(found('Matrikel 1985 0231 12345')).toEqual([]);
  });

  it('ignores valid digits inside a longer number or a code', () => {
    expect(found('19850315123712')).toEqual([]);
    expect(found('91985031512371')).toEqual([]);
    expect(found('REF-1985031512371')).toEqual([]);
    expect(found('1985031512371-2')).toEqual([]);
  });
});
