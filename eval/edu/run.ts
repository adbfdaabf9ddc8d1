// `npm run eval -- --edu`: recall@1, recall@5 and MRR per language for the teachers' questions, the misses, and
// redaction precision and recall per language.
import { evaluateEduRetrieval } from './evaluate.ts';
import { redactionScores } from './privacy.ts';

const scores = await evaluateEduRetrieval();
console.log('| lang | questions | recall@1 | recall@5 | MRR   | recall@5, expected doc only |');
console.log('|------|-----------|----------|----------|-------|-----------------------------|');
for (const s of scores) {
  console.log(`| ${s.lang}   | ${String(s.questions).padStart(9)} | ${s.recallAt1.toFixed(3).padStart(8)} | ${s.recallAt5.toFixed(3).padStart(8)} | ${s.mrr.toFixed(3)} | ${s.strictRecallAt5.toFixed(3).padStart(27)} |`);
}
for (const s of scores) {
  for (const miss of s.misses) console.log(`miss ${miss.id}: "${miss.question}" expected ${miss.expected}, got ${miss.got.join(', ') || 'nothing'}`);
}

console.log('\nRedaction (test/agents/privacy cases):');
console.log('| lang | cases | precision | recall |');
console.log('|------|-------|-----------|--------|');
for (const { lang, score } of redactionScores()) {
  const precision = score.tp / Math.max(1, score.tp + score.fp);
  const recall = score.tp / Math.max(1, score.tp + score.fn);
  console.log(`| ${lang}   | ${String(score.cases).padStart(5)} | ${precision.toFixed(3).padStart(9)} | ${recall.toFixed(3).padStart(6)} |`);
}
