// `npm run eval -- --edu`: recall@1, recall@5 and MRR per language for the teachers' questions, the misses, and
// redaction precision and recall per language.
import { evaluateRetrieval, retrievalReport } from '../evaluate.ts';
import { EDU_QUESTIONS } from './evaluate.ts';
import { redactionScores } from './privacy.ts';

console.log(retrievalReport(await evaluateRetrieval(undefined, EDU_QUESTIONS)));

console.log('\nRedaction (test/agents/privacy cases):');
console.log('| lang | cases | precision | recall |');
console.log('|------|-------|-----------|--------|');
for (const { lang, score } of redactionScores()) {
  const precision = score.tp / Math.max(1, score.tp + score.fp);
  const recall = score.tp / Math.max(1, score.tp + score.fn);
  console.log(`| ${lang}   | ${String(score.cases).padStart(5)} | ${precision.toFixed(3).padStart(9)} | ${recall.toFixed(3).padStart(6)} |`);
}
