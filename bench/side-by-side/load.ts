// A load phase against one server: conversations started at a stated rate (or one at a time), each a few turns
// back to back, with the overhead of every turn, the streams actually open at once, the server's peak memory and
// what the load generator itself cost, so a slow generator would show.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { chatTurn, streams, type TurnOutcome } from './client.ts';
import { cpuMs, rssMiB } from './processes.ts';
import { conversation, firstWord, type Question } from './workload.ts';

export type Target = { url: string; pid: number };

/**
 * `perSecond: null` runs the conversations one after another (concurrency 1). `from`: the workload index of the
 * first conversation (0 unless a phase is run in parts).
 */
export type PhaseSpec = { conversations: number; perSecond: number | null; turns: number; from?: number };

export type PhaseResult = {
  /** First model token at the client minus the model's own time, per turn that went through the model. */
  overheads: number[];
  /**
   * The same, split: a conversation's first turn (a new conversation, on a new connection unless the generator has an
   * idle one) and its follow-ups (on the connection the first turn used).
   */
  byTurn: { first: number[]; followUp: number[] };
  turns: number;
  /** Turns that failed (an HTTP error, an `error` event, a cut or stalled stream, no `done`); a failure ends its conversation. */
  errors: number;
  /** Turns that ended well but not with the scripted model answer (answered without the model, or reset). */
  offScript: number;
  peakStreams: number;
  peakRssMiB: number;
  /** CPU time the server spent in the phase, all its threads (10 ms ticks). */
  serverCpuMs: number;
  /**
   * This process (load generator and Ollama stand-in): CPU share of its core (all threads, kernel time on the
   * loopback included), how busy its event loop was (near 1 would make it the bottleneck), and the event-loop delay
   * p99 (time the timestamps can be late by, mostly other processes taking the core).
   */
  generatorCpu: number;
  generatorBusy: number;
  generatorLagMs: number;
  seconds: number;
  /** Start and end on the monotonic clock in µs, the clock of V8's CPU profiles, to cut a profile to this phase. */
  window: [number, number];
  firstError?: string;
};

/** Hooks around each turn of a conversation, for measures taken per turn (statements sent, for one). */
export type TurnHooks = { before?: () => void; after?: (turn: number, outcome: TurnOutcome) => Promise<void> };

/** Conversation `i`: its turns back to back, each sending the conversation's id and token from the first. */
export async function runConversation(url: string, questions: readonly Question[], i: number, turns: number, hooks: TurnHooks = {}): Promise<TurnOutcome[]> {
  const outcomes: TurnOutcome[] = [];
  let ids: Record<string, string> = {};
  for (const [t, question] of conversation(questions, i, turns).entries()) {
    hooks.before?.();
    const outcome = await chatTurn(url, { message: question.text, ...ids }, firstWord(question.lang));
    outcomes.push(outcome);
    await hooks.after?.(t, outcome);
    if (!outcome.ok) break;
    if (outcome.conversationId && outcome.conversationToken) ids = { conversationId: outcome.conversationId, conversationToken: outcome.conversationToken };
  }
  return outcomes;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

export async function runPhase(target: Target, questions: readonly Question[], spec: PhaseSpec, modelOwnMs: number): Promise<PhaseResult> {
  streams.peak = streams.open;
  let peakRssMiB = rssMiB(target.pid);
  const sampler = setInterval(() => {
    try {
      peakRssMiB = Math.max(peakRssMiB, rssMiB(target.pid));
    } catch {
      // the server is gone; its failed turns say so
    }
  }, 50);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = cpuMs(target.pid);
  const loopBefore = performance.eventLoopUtilization();
  const started = performance.now();
  const startedUs = Number(process.hrtime.bigint() / 1000n);

  const runs: Promise<TurnOutcome[]>[] = [];
  const overhead = (o: TurnOutcome) => o.firstTokenMs - modelOwnMs;
  const viaModel = (o: TurnOutcome) => o.ok && !o.reset && Number.isFinite(o.firstTokenMs);
  const from = spec.from ?? 0;
  for (let i = 0; i < spec.conversations; i++) {
    if (spec.perSecond === null) {
      runs.push(Promise.resolve(await runConversation(target.url, questions, from + i, spec.turns)));
      continue;
    }
    // Arrivals keep to the stated rate whatever the previous conversations are doing.
    await sleepUntil(started + (i * 1000) / spec.perSecond);
    runs.push(runConversation(target.url, questions, from + i, spec.turns));
  }
  const conversations = await Promise.all(runs);
  const outcomes = conversations.flat();

  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuMs = cpuMs(target.pid) - serverCpuBefore;
  clearInterval(sampler);
  lag.disable();
  const failed = outcomes.filter((o) => !o.ok);
  const answered = outcomes.filter(viaModel);
  return {
    overheads: answered.map(overhead),
    byTurn: {
      first: conversations.flatMap((turns) => turns.slice(0, 1)).filter(viaModel).map(overhead),
      followUp: conversations.flatMap((turns) => turns.slice(1)).filter(viaModel).map(overhead),
    },
    turns: outcomes.length,
    errors: failed.length,
    offScript: outcomes.length - failed.length - answered.length,
    peakStreams: streams.peak,
    peakRssMiB,
    serverCpuMs,
    generatorCpu: (cpu.user + cpu.system) / 1000 / (seconds * 1000),
    generatorBusy: performance.eventLoopUtilization(loopBefore).utilization,
    generatorLagMs: lag.percentile(99) / 1e6,
    seconds,
    window: [startedUs, Number(process.hrtime.bigint() / 1000n)],
    ...(failed[0]?.error ? { firstError: failed[0].error } : {}),
  };
}

/** One phase's result from the results of its parts, run one after another. */
export function mergePhases(parts: readonly PhaseResult[]): PhaseResult {
  const sum = (pick: (part: PhaseResult) => number) => parts.reduce((total, part) => total + pick(part), 0);
  const seconds = sum((part) => part.seconds);
  const firstError = parts.find((part) => part.firstError)?.firstError;
  return {
    overheads: parts.flatMap((part) => part.overheads),
    byTurn: { first: parts.flatMap((part) => part.byTurn.first), followUp: parts.flatMap((part) => part.byTurn.followUp) },
    turns: sum((part) => part.turns),
    errors: sum((part) => part.errors),
    offScript: sum((part) => part.offScript),
    peakStreams: Math.max(...parts.map((part) => part.peakStreams)),
    peakRssMiB: Math.max(...parts.map((part) => part.peakRssMiB)),
    serverCpuMs: sum((part) => part.serverCpuMs),
    generatorCpu: sum((part) => part.generatorCpu * part.seconds) / seconds,
    generatorBusy: sum((part) => part.generatorBusy * part.seconds) / seconds,
    generatorLagMs: Math.max(...parts.map((part) => part.generatorLagMs)),
    seconds,
    window: [parts[0]!.window[0], parts.at(-1)!.window[1]],
    ...(firstError ? { firstError } : {}),
  };
}
