// Street addresses in Luxembourg's languages: a street word with a capitalised name and a house number, or a postcode.
import type { Finder, Span } from './spans.ts';

/** "[Rr]ue": street words start a sentence or not; the `i` flag would also make \p{Lu} match lower case. */
const either = (words: readonly string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1).replace(/\./g, '\\.')}`).join('|');

const FRENCH_TYPES = ['rue', 'route', 'avenue', 'av.', 'boulevard', 'bd', 'place', 'allée', 'chemin', 'impasse', 'montée', 'côte', 'quai', 'square', 'cité', 'passage', 'sentier', 'esplanade', 'rond-point', 'val', 'rampe', 'plateau', 'parvis'];
const ENGLISH_TYPES = ['Street', 'St.', 'St', 'Road', 'Rd.', 'Rd', 'Avenue', 'Ave.', 'Lane', 'Drive', 'Close', 'Crescent', 'Way', 'Place', 'Square', 'Terrace', 'Court', 'Gardens', 'Grove', 'Boulevard', 'Row', 'Hill', 'Park'];
// Last part of German and Luxembourgish street names, written as one word ("Kierchestrooss") or hyphenated ("Konrad-Adenauer-Straße").
const COMPOUND_ENDINGS = ['straße', 'strasse', 'str.', 'weg', 'gasse', 'gässchen', 'platz', 'allee', 'ring', 'damm', 'ufer', 'pfad', 'chaussee', 'strooss', 'stroos', 'gaass', 'gässel', 'wee', 'plaz'];

const SP = String.raw`[ \u00a0]`;
const CAP = String.raw`\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*`;
const PARTICLE = String.raw`(?:[dl]['’]|(?:de|du|des|la|le|les|aux|au|à|et|sur|sous|en|von|vom|van|der|den|dem|zum|zur|op|um|vum|vun|of|the)${SP})`;
const NAME = String.raw`${PARTICLE}{0,3}${CAP}(?:${SP}${PARTICLE}{0,3}${CAP}){0,3}`;
const NUMBER = String.raw`\d{1,3}[a-zA-Z]?(?:${SP}?[-/]${SP}?\d{1,3}[a-zA-Z]?)?(?:${SP}(?:bis|ter))?(?![\p{L}\p{N}]|[.,]\d)`;
const GRAND_RUE = String.raw`Grand[-'’ ]Rue`;
const FRENCH_WORD = String.raw`(?:${either(FRENCH_TYPES)}|${GRAND_RUE})`;
const FRENCH_STREET = String.raw`(?:(?:${either(FRENCH_TYPES)})${SP}${NAME}|${GRAND_RUE})`;
const ENGLISH_WORD = ENGLISH_TYPES.map((type) => type.replace('.', '\\.')).join('|');
const ENDING = either(COMPOUND_ENDINGS);
const PREFIX = String.raw`(?:(?:Am|Im|An der|An den|An dem|Auf der|Auf dem|In der|Zum|Zur|Op der|Um|An)${SP})`;
const LOCALITY = String.raw`\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*`;
const POSTCODE = String.raw`(?<![\p{L}\p{N}])L[-‑–]?\d{4}(?:${SP}${LOCALITY})?(?![\p{N}])`;
// After a street, its postcode and locality belong to the same address: ", L-1234 Luxembourg", ", 54290 Trier".
const CONTINUATION = String.raw`^,?${SP}(?:L[-‑–]?\d{4}|\d{4,5})${SP}${LOCALITY}`;

/**
 * Each form is tried once, sticky, where its street word stands; words before it are read by look-behind, and the
 * `d` flag gives where they start. So a long message costs one scan for street words, not one pattern per character.
 */
const FORMS = [
  // "12, rue de la Gare", "45 Grand-Rue"
  { anchor: 'french', form: String.raw`(?<=(?<![\p{L}\p{N}])(${NUMBER}),?${SP})${FRENCH_STREET}(?![\p{L}])` },
  // "rue de Hollerich 45", "Rue de la Gare 12", "Grand-Rue 45"
  { anchor: 'french', form: String.raw`()${FRENCH_STREET},?${SP}${NUMBER}` },
  // "Hauptstraße 5", "Bahnhofstr. 12a", "Am Marktplatz 3", "Groussgaass 3", "Konrad-Adenauer-Straße 1"
  { anchor: 'compound', form: String.raw`(?<=(?<![\p{L}\p{N}])(${PREFIX}?\p{Lu}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)*-?))(?:${ENDING})${SP}?${NUMBER}` },
  // "10 Church Road", "221B Baker Street"
  { anchor: 'english', form: String.raw`(?<=(?<![\p{L}\p{N}])(${NUMBER})${SP}${CAP}(?:${SP}${CAP}){0,2}${SP})(?:${ENGLISH_WORD})(?![\p{L}])` },
] as const;
const ANCHORS = {
  french: String.raw`(?<![\p{L}])${FRENCH_WORD}(?![\p{L}])`,
  compound: String.raw`(?:${ENDING})(?=${SP}?\d)`,
  english: String.raw`(?<![\p{L}])(?:${ENGLISH_WORD})(?![\p{L}])`,
};

/**
 * French street names in every language ("12, rue de la Gare", "rue de Hollerich 45", "45 Grand-Rue"), German and
 * Luxembourgish compounds ("Hauptstraße 5", "an der Groussgaass 3"), English ones ("10 Church Road"), and postcodes
 * ("L-1234 Luxembourg"). A street word alone ("la rue est fermée", "auf Platz 1") is not an address.
 */
export function addressFinder(): Finder {
  const anchors = Object.entries(ANCHORS).map(([name, source]) => ({ name, re: new RegExp(source, 'gu') }));
  const forms = FORMS.map(({ anchor, form }) => ({ anchor, re: new RegExp(form, 'uyd') }));
  const postcode = new RegExp(POSTCODE, 'gu');
  const continuation = new RegExp(CONTINUATION, 'u');
  const span = (start: number, end: number, text: string): Span => {
    const more = continuation.exec(text.slice(end, end + 60));
    return { kind: 'address', start, end: end + (more ? more[0].length : 0) };
  };
  return (text) => {
    if (!/\d/.test(text)) return [];
    const spans: Span[] = [...text.matchAll(postcode)].map((m) => span(m.index, m.index + m[0].length, text));
    for (const { name, re: anchor } of anchors) {
      for (const hit of text.matchAll(anchor)) {
        for (const { re } of forms.filter((form) => form.anchor === name)) {
          re.lastIndex = hit.index;
          const m = re.exec(text);
          if (m) spans.push(span(m.indices![1]![0], m.index + m[0].length, text));
        }
      }
    }
    return spans;
  };
}
