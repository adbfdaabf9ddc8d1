// Phone numbers: Luxembourg's national forms of every length, international forms, the neighbours' trunk-prefixed
// forms, and the number-like text (dates, years, amounts, codes) that must stay.
import { describe, expect, it } from 'vitest';
import { phoneFinder } from '../../../agents/privacy/phones.ts';

const find = phoneFinder();
const found = (text: string) => find(text).map(({ start, end }) => text.slice(start, end));

describe('phoneFinder', () => {
  it.each([
    ['mobile, national', 'Call 621 123 456 today', '621 123 456'],
    ['mobile in pairs', 'Call 691 12 34 56 today', '691 12 34 56'],
    ['mobile, unseparated', 'Call 661234567 today', '661234567'],
    ['8-digit landline', 'Office 26 12 34 56.', '26 12 34 56'],
    ['6-digit landline', 'Tel. 45 12 34', '45 12 34'],
    ['switchboard and extension', 'Secretariat 4796-1.', '4796-1'],
    ['government number', 'Helpdesk 247-82100', '247-82100'],
    ['+352', 'Mobile +352 621 123 456.', '+352 621 123 456'],
    ['00352', 'Dial 00352 621 123 456.', '00352 621 123 456'],
    ['(+352) and extension', 'Tel (+352) 4796-1', '(+352) 4796-1'],
    ['France', 'Metz +33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['Germany', 'Berlin +49 30 1234567', '+49 30 1234567'],
    ['Germany with (0)', 'Berlin +49 (0)30 1234567', '+49 (0)30 1234567'],
    ['0049', 'Trier 0049 651 1234567', '0049 651 1234567'],
    ['France, national', 'Son numéro : 06 12 34 56 78', '06 12 34 56 78'],
    ['Belgium, national', 'GSM 0470 12 34 56', '0470 12 34 56'],
    ['Germany, national', 'Telefon 0651/1234567', '0651/1234567'],
    ['United Kingdom', 'London +44 20 7946 0958', '+44 20 7946 0958'],
  ])('finds a %s number', (_, text, number) => {
    expect(found(text)).toEqual([number]);
  });

  it('finds two numbers given as alternatives and leaves the brackets around a number', () => {
    expect(found('26 12 34 56 / 621 123 456')).toEqual(['26 12 34 56', '621 123 456']);
    expect(found('(621 123 456)')).toEqual(['621 123 456']);
    expect(found('Call 621 123 456 2 times')).toEqual(['621 123 456']);
  });

  it.each([
    '15.03.2024', '2024-03-15', '12/03/2025', '09:00', '2024', 'the 2024-25 school year', '2024 2025', 'INF-2031', '12,50 €', '1.234,56 EUR',
    '1 000 000 €', '2 500 000', '621 123 456 €', '€ 621 123 456', '71 %', 'Art. 5(1)(f)', 'ISBN 978-3-16-148410-0', 'Version 2.4.1', 'B-204',
    '18/20', 'order 451234', '1234567890123', '1710500000000', '+33 12 34', '+49 000 000', '0000 000 000', '+352 12',
    'LU28 0019 4006 4475 0001', 'between 140 and 200', '15 times', 'L-1234',
  ])('leaves %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('takes an unseparated 8-digit number for a landline, as a reference of that length cannot be told from one', () => {
    expect(found('Reference 26123456')).toEqual(['26123456']);
    expect(found('Reference 12345678')).toEqual([]);
  });

  it('takes a short or unseparated number when a word announces it', () => {
    expect(found('Tel. 451234')).toEqual(['451234']);
    expect(found('order 451234')).toEqual([]);
  });

  it('checks a long list within its budget and removes the rest of the number-shaped stretches unchecked', () => {
    const list = Array.from({ length: 300 }, (_, i) => `26 ${String(10 + (i % 90))} 34 56`).join(', ');
    expect(find(list)).toHaveLength(300);
    expect(found('Call 621 123 456 today')).toEqual(['621 123 456']);
  });
});
