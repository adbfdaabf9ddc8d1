// `npm run eval`: recall@1, recall@5 and MRR per language for /api/search in lexical mode, the misses, and the
// offline answerer's false-refusal and false-answer rates. `npm run eval -- --chat`: the chat eval (eval/chat.ts)
// instead; `-- --edu`: the teachers' assistant's retrieval (eval/edu/run.ts).
import { decisions, rates } from './calibrate.ts';
import { chatReport, runChatEval } from './chat.ts';
import { evaluateRetrieval, retrievalReport } from './evaluate.ts';

if (process.argv.includes('--chat')) {
  console.log(chatReport(await runChatEval()));
} else if (process.argv.includes('--edu')) {
  await import('./edu/run.ts');
} else {
  console.log(retrievalReport(await evaluateRetrieval()));

  console.log('\nOffline answer decision (in-scope eval questions vs 25 out-of-scope questions per language):');
  console.log('| lang | false refusals | false answers |');
  console.log('|------|----------------|---------------|');
  for (const r of rates(await decisions())) console.log(`| ${r.lang}   | ${r.falseRefusal.toFixed(3).padStart(14)} | ${r.falseAnswer.toFixed(3).padStart(13)} |`);
}
