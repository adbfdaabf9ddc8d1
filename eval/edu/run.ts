// `npx tsx eval/edu/run.ts`: recall@1, recall@5 and MRR per language for the teachers' questions, and the misses.
import { evaluateEduRetrieval } from './evaluate.ts';

const scores = await evaluateEduRetrieval();
console.log('| lang | questions | recall@1 | recall@5 | MRR   | recall@5, expected doc only |');
console.log('|------|-----------|----------|----------|-------|-----------------------------|');
for (const s of scores) {
  console.log(`| ${s.lang}   | ${String(s.questions).padStart(9)} | ${s.recallAt1.toFixed(3).padStart(8)} | ${s.recallAt5.toFixed(3).padStart(8)} | ${s.mrr.toFixed(3)} | ${s.strictRecallAt5.toFixed(3).padStart(27)} |`);
}
for (const s of scores) {
  for (const miss of s.misses) console.log(`miss ${miss.id}: "${miss.question}" expected ${miss.expected}, got ${miss.got.join(', ') || 'nothing'}`);
}
