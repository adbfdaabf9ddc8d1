// Self-check for the grounding knowledge: every fact in eval/facts.json must have its
// language-neutral key (or its per-language term in `keys`) present in
// knowledge/<lang>/<docId>.md, for each language folder that exists and holds documents.
// Usage: node eval/check-facts.mjs [lang ...]   (default: every folder in knowledge/)
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const facts = JSON.parse(readFileSync(join(root, 'eval', 'facts.json'), 'utf8'));
const knowledgeDir = join(root, 'knowledge');

// Lower-case, unify apostrophes/dashes/non-breaking spaces, drop the space before "%".
const norm = (s) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010\u2011\u2012\u2013\u2014]/g, '-')
    .replace(/\s+%/g, '%');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Short tokens (numbers, percentages, acronyms of up to 4 letters) must stand alone, so "13"
// does not match "2013" and "TRE" does not match "centre"; a plural "s" is allowed.
// Longer keys are plain substrings so inflected or compound forms still count.
function contains(text, key) {
  const k = norm(key);
  if (/^[\d.,%]+$/.test(k) || k.length <= 4) {
    return new RegExp(`(?<![\\p{L}\\p{N}])${escape(k)}s?(?![\\p{L}\\p{N}])`, 'u').test(text);
  }
  return text.includes(k);
}

let langs = process.argv.slice(2);
if (langs.length === 0) {
  langs = readdirSync(knowledgeDir).filter(
    (d) =>
      statSync(join(knowledgeDir, d)).isDirectory() &&
      readdirSync(join(knowledgeDir, d)).some((f) => f.endsWith('.md')),
  );
}

// Basic shape checks on the fact list itself.
const problems = [];
const ids = new Set();
for (const f of facts) {
  if (ids.has(f.id)) problems.push(`duplicate id ${f.id}`);
  ids.add(f.id);
  if (!f.fact || !f.seed || !f.docId) problems.push(`${f.id}: missing fact/seed/docId`);
  if (!f.key && !f.keys) problems.push(`${f.id}: needs key or keys`);
}

let misses = 0;
for (const lang of langs) {
  const cache = new Map();
  let ok = 0;
  const langMisses = [];
  for (const f of facts) {
    const key = f.key ?? f.keys?.[lang];
    if (!key) {
      langMisses.push(`${f.id} [${f.docId}]: no key for "${lang}"`);
      continue;
    }
    const file = join(knowledgeDir, lang, `${f.docId}.md`);
    if (!cache.has(file)) cache.set(file, existsSync(file) ? norm(readFileSync(file, 'utf8')) : null);
    const text = cache.get(file);
    if (text === null) langMisses.push(`${f.id}: missing document ${lang}/${f.docId}.md`);
    else if (!contains(text, key)) langMisses.push(`${f.id} [${f.docId}]: key "${key}" not found`);
    else ok++;
  }
  misses += langMisses.length;
  for (const m of langMisses) console.log(`  MISS ${lang} ${m}`);
  console.log(`${lang}: ${ok}/${facts.length} facts found, ${langMisses.length} missing`);
}

for (const p of problems) console.log(`  PROBLEM ${p}`);
if (langs.length === 0) console.log('no language folder with documents found');
process.exit(misses > 0 || problems.length > 0 ? 1 : 0);
