// Relay cost per token: one long answer streamed as fast as the stand-in can, directly and through each server;
// the streaming time after the first token, minus the stand-in's own, divided by the tokens.
import type { Lang } from '../../agents/language/languages.ts';
import { tokenize, type OllamaStandIn } from '../../test/support/ollama/index.ts';
import { percentile } from '../stats.ts';
import { chatTurn } from './client.ts';
import { timeResponse } from './model-time.ts';
import { ANSWERS, firstWord, type Question } from './workload.ts';

const TOKENS = 2000;

/** The language's answer repeated to about 2,000 tokens: real words, so every guard on the stream does its work. */
function longAnswer(lang: Lang): string[] {
  const one = tokenize(` ${ANSWERS[lang]}`);
  const tokens = Array.from({ length: Math.ceil(TOKENS / one.length) }, () => one).flat().slice(0, TOKENS);
  tokens[0] = tokens[0]!.trimStart();
  return tokens;
}

/** Milliseconds per token added by each server, the median of `runs` answers; `question` must be one it answers. */
export async function relayCostPerToken(ollama: OllamaStandIn, targets: string[], question: Question, models: { chat: string }, runs = 3): Promise<number[]> {
  const tokens = longAnswer(question.lang);
  const streaming = async (ask: () => Promise<{ firstMs: number; endMs: number }>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      ollama.script.push({ tokens });
      const { firstMs, endMs } = await ask();
      times.push(endMs - firstMs);
    }
    return percentile(times, 50);
  };
  const direct = await streaming(() => timeResponse(`${ollama.url}/api/chat`, { model: models.chat, messages: [{ role: 'user', content: question.text }], stream: true }));
  const costs: number[] = [];
  for (const url of targets) {
    const through = await streaming(async () => {
      const turn = await chatTurn(url, { message: question.text }, firstWord(question.lang));
      if (!turn.ok || turn.reset) throw new Error(`relay run did not stream the answer: ${turn.error ?? 'reset'}`);
      return { firstMs: turn.firstTokenMs, endMs: turn.totalMs };
    });
    costs.push((through - direct) / tokens.length);
  }
  return costs;
}
