// Helper for writers: lists paragraphs of 12+ words in knowledge/<lang>/ that franc-all (eng/fra/deu/ltz) does not classify as <lang>.
// Usage: node eval/tools/lang-check.mjs fr
import { francAll } from 'franc-all';
import { readFileSync, readdirSync } from 'node:fs';
const lang = process.argv[2];
const code = { en: 'eng', fr: 'fra', de: 'deu', lb: 'ltz' }[lang];
const dir = new URL(`../../knowledge/${lang}/`, import.meta.url);
let read = 0, bad = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
  const body = readFileSync(new URL(name, dir), 'utf8').replace(/^---[\s\S]*?---/, '');
  for (const para of body.split(/\n\s*\n/).map((p) => p.replace(/^#+\s.*$/gm, '').trim()).filter(Boolean)) {
    if (para.split(/\s+/).length < 12) continue;
    read++;
    const [best] = francAll(para, { only: ['eng', 'fra', 'deu', 'ltz'] });
    if (best[0] !== code) { bad++; console.log(`${name}: ${best[0]} :: ${para.slice(0, 120)}`); }
  }
}
console.log(`${read} paragraphs read, ${bad} not classified as ${code}`);
process.exit(bad ? 1 : 0);
