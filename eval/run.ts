// `npm run eval`: recall@1, recall@5 and MRR per language for /api/search in lexical mode, the misses, and the
// offline answerer's false-refusal and false-answer rates. `npm run eval -- --chat`: the chat eval (eval/chat.ts)
// instead; `-- --edu`: the teachers' assistant's retrieval (eval/edu/run.ts).
import { decisions, rates } from './calibrate.ts';
import { chatReport, runChatEval } from './chat.ts';
import { evaluateRetrieval } from './evaluate.ts';

if (process.argv.includes('--chat')) {
  console.log(chatReport(await runChatEval()));
} else if (process.argv.includes('--edu')) {
  await import('./edu/run.ts');
} else {
  const scores = await evaluateRetrieval();
  console.log('| lang | questions | recall@1 | recall@5 | MRR   | recall@5, expected doc only |');
  console.log('|------|-----------|----------|----------|-------|-----------------------------|');
  for (const s of scores) {
    console.log(`| ${s.lang}   | ${String(s.questions).padStart(9)} | ${s.recallAt1.toFixed(3).padStart(8)} | ${s.recallAt5.toFixed(3).padStart(8)} | ${s.mrr.toFixed(3)} | ${s.strictRecallAt5.toFixed(3).padStart(27)} |`);
  }
  for (const s of scores) {
    for (const miss of s.misses) console.log(`miss ${miss.id}: "${miss.question}" expected ${miss.expected}, got ${miss.got.join(', ') || 'nothing'}`);
  }

  console.log('\nOffline answer decision (in-scope eval questions vs 25 out-of-scope questions per language):');
  console.log('| lang | false refusals | false answers |');
  console.log('|------|----------------|---------------|');
  for (const r of rates(await decisions())) console.log(`| ${r.lang}   | ${r.falseRefusal.toFixed(3).padStart(14)} | ${r.falseAnswer.toFixed(3).padStart(13)} |`);
}
