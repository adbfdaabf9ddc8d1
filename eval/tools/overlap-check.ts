// Helper for question writers: lists eval questions that copy the words of the passage answering them.
// Usage: npx tsx eval/tools/overlap-check.ts [lang ...]
import { LANGS, LangSchema } from '../../agents/language/languages.ts';
import { questionsCopyingTheirPassage } from '../evaluate.ts';

const langs = process.argv.length > 2 ? process.argv.slice(2).map((l) => LangSchema.parse(l)) : LANGS;
let total = 0;
for (const lang of langs) {
  const copying = await questionsCopyingTheirPassage(lang);
  total += copying.length;
  for (const c of copying) console.log(`${c.id} (${c.overlap}): ${c.question}  [fact: ${c.fact}]`);
  console.log(`${lang}: ${copying.length} questions over 0.5`);
}
process.exit(total ? 1 : 0);
