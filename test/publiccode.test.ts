// publiccode.yml against the standard (version 0.4): parsed as YAML 1.2 and validated with ajv against the schema in
// test/fixtures/publiccode-0.4.schema.json (written from the standard's text, see its $comment), and consistent with
// package.json and the languages in locales/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync(new URL('fixtures/publiccode-0.4.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** The keys this test reads; the schema checks the rest. */
type PublicCode = {
  softwareVersion: string;
  legal: { license: string };
  localisation: { availableLanguages: string[] };
  description: Record<string, { features: string[]; longDescription?: string }>;
  [key: string]: unknown;
};
const publiccode = parse(readFileSync('publiccode.yml', 'utf8'), { version: '1.2' }) as PublicCode;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string };
const languages = readdirSync('locales').filter((entry) => statSync(`locales/${entry}`).isDirectory()).sort();

const errors = (document: unknown) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`));

describe('publiccode.yml', () => {
  it('is valid against the publiccode.yml 0.4 schema', () => {
    expect(errors(publiccode)).toEqual([]);
  });

  it('agrees with package.json and describes the assistant in every language it speaks', () => {
    expect(publiccode.softwareVersion).toBe(pkg.version);
    expect(publiccode.legal.license).toBe(pkg.license);
    expect(pkg.license).toBe('EUPL-1.2');
    expect([...publiccode.localisation.availableLanguages].sort()).toEqual(languages);
    expect(Object.keys(publiccode.description).sort()).toEqual(languages);
    for (const lang of languages) expect(publiccode.description[lang]!.features.length, lang).toBe(publiccode.description.en!.features.length);
  });

  it('lets the schema refuse what the standard refuses', () => {
    const copy = () => structuredClone(publiccode);
    const { legal: _, ...withoutLegal } = copy();
    expect(errors(withoutLegal)).toContain("/ must have required property 'legal'");
    expect(errors({ ...copy(), categories: ['chatbots'] })).toContain('/categories/0 must be equal to one of the allowed values');
    expect(errors({ ...copy(), maintenance: { type: 'internal' } })).toContain("/maintenance must have required property 'contacts'");
    const tooShort = copy();
    tooShort.description.en!.longDescription = 'Short.';
    expect(errors(tooShort)).toContain('/description/en/longDescription must NOT have fewer than 150 characters');
    const noLongText = copy();
    for (const lang of languages) delete noLongText.description[lang]!.longDescription;
    expect(errors(noLongText).some((e) => e.startsWith('/description must NOT be valid'))).toBe(true);
    expect(errors({ ...copy(), releaseDate: '30/11/2026' })).toContain('/releaseDate must match format "date"');
  });
});
