// The legal texts of legal/<lang>/: every kind in all four languages with the same version, date, fields and
// structure; the generated module matches them; the build refuses what the pages must never carry; Luxembourgish
// spelling as for knowledge/.
import matter from 'gray-matter';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../agents/language/languages.ts';
import { buildLegal, LEGAL_GENERATED, legalSource, renderLegal } from '../../bin/build-legal.ts';
import { legalDocument, PRIVACY_VERSION } from '../../legal/documents.ts';
import { fieldsIn, fillFields, LEGAL_FIELDS } from '../../legal/fields.ts';
import { lbSpelling } from '../support/lb-spelling.ts';
import { LEGAL_KINDS } from '../../legal/kinds.ts';

const front = (lang: string, kind: string) => matter(readFileSync(legalSource(lang, kind), 'utf8'));
const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1;

describe('legal texts', () => {
  it.each(LEGAL_KINDS)('%s exists in every language with the same version and date', (kind) => {
    const versions = LANGS.map((lang) => {
      const { data } = front(lang, kind);
      return [String(data.version), data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : String(data.updated)];
    });
    expect(versions.length).toBe(4);
    expect(new Set(versions.map((v) => v.join(' '))).size, JSON.stringify(versions)).toBe(1);
    for (const lang of LANGS) expect(legalDocument(kind, lang).version).toBe(versions[0]![0]);
  });

  it.each(LEGAL_KINDS)('%s names the same fields and has the same sections, items and links in every language', (kind) => {
    const shape = (lang: (typeof LANGS)[number]) => {
      const { html } = legalDocument(kind, lang);
      return { fields: [...new Set(fieldsIn(html))].sort(), h2: count(html, 'h2'), h3: count(html, 'h3'), li: count(html, 'li'), links: (html.match(/<a /g) ?? []).length };
    };
    const english = shape('en');
    expect(english.h2).toBeGreaterThan(0);
    for (const lang of LANGS) expect(shape(lang), lang).toEqual(english);
  });

  it('links every language version to its own language, and the privacy notice records one version', () => {
    for (const kind of LEGAL_KINDS)
      for (const lang of LANGS) {
        const paths = [...legalDocument(kind, lang).html.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!);
        for (const path of paths) expect(path, `${lang}/${kind}`).toMatch(new RegExp(`^/${lang}/`));
      }
    expect(PRIVACY_VERSION).toBe(legalDocument('privacy', 'en').version);
  });

  it('is what legal/ builds to', async () => {
    expect(readFileSync(LEGAL_GENERATED, 'utf8'), 'legal/documents.generated.ts is stale: run `npm run build:web`').toBe((await buildLegal()).source);
  });
});

describe('renderLegal', () => {
  const doc = (body: string, extra = '') => `---\ntitle: Test page\ndescription: A page for the test.\nversion: "1.0"\nupdated: 2026-11-30\nreview: machine\n${extra}---\n${body}\n`;

  it('renders Markdown and keeps the fields for the request to fill', () => {
    const rendered = renderLegal(doc('## Who\n\nRun by {{operator.name}}, see [the terms](/en/terms).'), 'x.md');
    expect(rendered).toMatchObject({ title: 'Test page', version: '1.0', updated: '2026-11-30' });
    expect(rendered.html).toBe('<h2>Who</h2>\n<p>Run by {{operator.name}}, see <a href="/en/terms">the terms</a>.</p>');
    const values = Object.fromEntries(LEGAL_FIELDS.map((field) => [field, `<b>${field}</b>`])) as Record<(typeof LEGAL_FIELDS)[number], string>;
    expect(fillFields(rendered.html, values)).toContain('Run by <b>operator.name</b>,');
  });

  it.each([
    ['an unknown field', doc('Hello {{operator.phone}}'), /unknown fields operator\.phone/],
    ['raw HTML', doc('Hello <script>alert(1)</script>'), /raw HTML/],
    ['raw HTML inside a paragraph', doc('Hello <b onclick="x()">you</b>'), /raw HTML/],
    ['a javascript: link', doc('[click](javascript:alert(1))'), /links must be/],
    ['an http link', doc('[site](http://example.lu)'), /links must be/],
    ['a version that is not major.minor', doc('x').replace('"1.0"', 'v1'), /version/],
    ['no review state', doc('x').replace('review: machine\n', ''), /review/],
  ])('refuses %s', (_name, source, message) => {
    expect(() => renderLegal(source, 'x.md')).toThrow(message);
  });

  it('accepts HTML-looking text inside code, which is escaped', () => {
    expect(renderLegal(doc('Fetch `/api/conversations/<id>/export`.'), 'x.md').html).toContain('<code>/api/conversations/&lt;id&gt;/export</code>');
  });
});

describe('Luxembourgish spelling of legal/lb', () => {
  it('has no word outside the dictionary and the allow-lists, per text', () => {
    // The project's reviewed list, and the legal texts' own: names of authorities and laws (in French), technical terms.
    const unknownWords = lbSpelling(['lb-allowlist.txt', 'legal-lb-allowlist.txt']);
    const unknown: Record<string, string[]> = {};
    for (const kind of LEGAL_KINDS) {
      const text = `${String(front('lb', kind).data.title)} ${String(front('lb', kind).data.description)} ${front('lb', kind).content}`
        // Not words: fields, code, link targets, web addresses and paths, the placeholders of the teachers' assistant.
        .replace(/\{\{[\w.]+\}\}|`[^`]*`|\]\([^)]*\)|\b[\w-]+(?:\.[\w-]+)+\b|\/[\w/#-]+|\[(?:email|name)\]/g, ' ');
      const misses = unknownWords(text);
      if (misses.length) unknown[kind] = misses;
    }
    expect(unknown).toEqual({});
  });
});
