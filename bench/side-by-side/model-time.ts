// The model's own share of a turn, asked of the stand-in directly: one query embedding, then a streamed chat call
// up to its first line. Both servers make exactly these two calls before their first token.
import { Agent, request } from 'node:http';
import { percentile } from '../stats.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export type Timing = { firstMs: number; endMs: number };

/** Time to the response's first body chunk and to its end; `hangUp` stops reading after the first chunk. */
export function timeResponse(url: string, body: unknown, hangUp = false): Promise<Timing> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let firstMs = NaN;
      res.on('data', () => {
        if (!Number.isNaN(firstMs)) return;
        firstMs = performance.now() - started;
        if (!hangUp) return;
        resolve({ firstMs, endMs: firstMs });
        res.destroy();
      });
      res.once('end', () => resolve({ firstMs, endMs: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export type ModelTime = { embedMs: number; firstTokenMs: number; totalMs: number };

/** The median over `samples` sequential asks: the embedding in full, the chat call to its first line. */
export async function modelOwnTime(ollamaUrl: string, models: { chat: string; embed: string }, question: string, samples = 30): Promise<ModelTime> {
  const embeds: number[] = [];
  const chats: number[] = [];
  for (let i = 0; i < samples; i++) {
    embeds.push((await timeResponse(`${ollamaUrl}/api/embed`, { model: models.embed, input: question })).endMs);
    chats.push((await timeResponse(`${ollamaUrl}/api/chat`, { model: models.chat, messages: [{ role: 'user', content: question }], stream: true }, true)).firstMs);
  }
  const embedMs = percentile(embeds, 50);
  const firstTokenMs = percentile(chats, 50);
  return { embedMs, firstTokenMs, totalMs: embedMs + firstTokenMs };
}
