// Ours with a tool round, one turn at a time: the model first calls search_knowledge, then answers. The overhead
// subtracts the model's own time for the same calls (embedding, the tool call in full, the answer's first line),
// asked of the stand-in directly just before each turn. The tutorial RAG has no tools, so there is no baseline.
import type { OllamaStandIn } from '../../test/support/ollama/index.ts';
import { chatTurn } from './client.ts';
import { timeResponse } from './model-time.ts';
import { ANSWERS, firstWord, type Question } from './workload.ts';

// What the direct ask offers, so the stand-in answers with the tool call as it does when the agent asks.
const SEARCH_TOOL = { type: 'function', function: { name: 'search_knowledge', parameters: { type: 'object', properties: { query: { type: 'string' } } } } };

export async function toolRoundOverheads(ollama: OllamaStandIn, url: string, questions: readonly Question[], models: { chat: string; embed: string }, turns = 20): Promise<number[]> {
  const overheads: number[] = [];
  for (let i = 0; i < turns; i++) {
    const question = questions[i % questions.length]!;
    const steps = [{ toolCalls: [{ name: 'search_knowledge', arguments: { query: question.text } }] }, { content: ANSWERS[question.lang] }];
    const messages = [{ role: 'user', content: question.text }];
    ollama.script.push(...steps);
    const embed = await timeResponse(`${ollama.url}/api/embed`, { model: models.embed, input: question.text });
    const call = await timeResponse(`${ollama.url}/api/chat`, { model: models.chat, messages, tools: [SEARCH_TOOL], stream: true });
    const answer = await timeResponse(`${ollama.url}/api/chat`, { model: models.chat, messages, stream: true }, true);
    ollama.script.push(...steps);
    const turn = await chatTurn(url, { message: question.text }, firstWord(question.lang));
    if (turn.ok && !turn.reset && Number.isFinite(turn.firstTokenMs)) overheads.push(turn.firstTokenMs - (embed.endMs + call.endMs + answer.firstMs));
  }
  return overheads;
}
