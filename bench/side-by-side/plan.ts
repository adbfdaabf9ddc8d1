// What the side-by-side bench runs: the models, the model's pace, the core the servers get, the load phases.
import type { PhaseSpec } from './load.ts';

export const MODELS = { chat: 'qwen3:8b', embed: 'bge-m3' };
/**
 * 50 ms per model call, the query's embedding included: Ollama takes tens of milliseconds to embed a short query even
 * on a GPU (ollama/ollama#12088 measured 99 ms on an RTX 4060; #12239 about 150 ms a request for bge-m3 unbatched
 * on an RTX 4090), where the stand-in by itself answers at once. The embedding is paced in the load phases only.
 */
export const MODEL_PACE = { embedMs: 50, firstTokenMs: 50, tokenMs: 10 };
// The servers run here, one at a time; the bench (load generator, Ollama and libSQL stand-ins) keeps core 0.
export const SERVER_CORE = 1;
/**
 * `rounds`: under load, how many times each server runs the phase twice (in the order baseline, ours, ours, baseline).
 * The machine's pace moves by up to half within minutes: one round gave c50 p95 ratios from 0.57 to 3.38 at one
 * commit, and two rounds (600 turns a server) still 0.90 to 1.13 over five runs, where the p95 is the 30th worst
 * turn; the c50 phase is short (about 5 s a round), so it has four. One conversation at a time, 60 conversations:
 * with 30 the p95 was the 5th worst of 90 turns, and one slow turn moved the ratio by a tenth.
 */
export const PHASES: { concurrency: number; arrivals: string; spec: PhaseSpec; rounds: number }[] = [
  { concurrency: 1, arrivals: '60 conversations, one at a time', spec: { conversations: 60, perSecond: null, turns: 3 }, rounds: 1 },
  { concurrency: 50, arrivals: '50 conversations at 50/s', spec: { conversations: 50, perSecond: 50, turns: 3 }, rounds: 4 },
  { concurrency: 200, arrivals: '200 conversations at 200/s', spec: { conversations: 200, perSecond: 200, turns: 3 }, rounds: 1 },
];
