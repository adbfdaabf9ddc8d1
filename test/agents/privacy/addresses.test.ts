// Street addresses: the forms written in Luxembourg's languages, the postcode and locality kept with the street,
// and street words without a name and number left alone.
import { describe, expect, it } from 'vitest';
import { addressFinder } from '../../../agents/privacy/addresses.ts';

const find = addressFinder();
const found = (text: string) => find(text).map(({ start, end }) => text.slice(start, end));

describe('addressFinder', () => {
  it.each([
    ['Il habite 12, rue de la Gare, L-1234 Luxembourg.', '12, rue de la Gare, L-1234 Luxembourg'],
    ['Elle habite rue de Hollerich 45.', 'rue de Hollerich 45'],
    ['Au 45 Grand-Rue.', '45 Grand-Rue'],
    ["Route d’Arlon 123 à Strassen", 'Route d’Arlon 123'],
    ['Sie wohnt in der Konrad-Adenauer-Straße 1.', 'Konrad-Adenauer-Straße 1'],
    ['Hauptstraße 5, 54290 Trier', 'Hauptstraße 5, 54290 Trier'],
    ['Bahnhofstr. 12a', 'Bahnhofstr. 12a'],
    ['an der Groussgaass 3', 'Groussgaass 3'],
    ['12 bis, avenue Victor Hugo', '12 bis, avenue Victor Hugo'],
    ['The flat is at 221B Baker Street.', '221B Baker Street'],
    ['Postcode L-4361 Esch-sur-Alzette', 'L-4361 Esch-sur-Alzette'],
  ])('finds the address in %s', (text, address) => {
    expect(found(text).sort((a, b) => b.length - a.length)[0]).toBe(address);
  });

  it.each([
    'La rue est fermée.',
    "Rendez-vous place d'Armes.",
    'Unsere Mannschaft landete auf Platz 1.',
    'Walk 500 m down the street.',
    'Route 66 is long.',
    'In 2030 Luxembourg wants to be an AI hub.',
    'Chapter 3, Section 2',
  ])('leaves %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});
