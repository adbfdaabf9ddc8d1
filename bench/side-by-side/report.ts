// The side-by-side bench's printed tables: overhead per concurrency with ratios, relay cost, memory, cold start,
// SQL statements per turn.
import { percentile } from '../stats.ts';
import { ms, table } from '../table.ts';
import type { PhaseResult } from './load.ts';
import type { ModelTime } from './model-time.ts';
import type { TurnStatements } from './sql-count.ts';
import { tokenize } from '../../test/support/ollama/index.ts';
import { MODEL_PACE, PHASES, SERVER_CORE } from './plan.ts';
import { npmStart } from './processes.ts';
import { ANSWERS, type Question } from './workload.ts';

/** The assistant's process as the bench starts it (processes.ts `npmStart`). */
function startCommand(): string {
  const { entry, nodeArgs } = npmStart();
  return ['node', ...nodeArgs, entry].join(' ');
}

type Pair<T> = { baseline: T; ours: T };

export type Figures = {
  loadAverage: number;
  /** Where ours wrote its CPU profile, if it was asked to. */
  profileDir?: string;
  questions: Question[];
  own: ModelTime;
  /** Concurrency 1 with the stand-in embedding at once (no pace), and the model's own time then. */
  instant: Pair<PhaseResult> & { own: ModelTime };
  phases: Pair<PhaseResult>[];
  /** Each server's first run under load (the c50 phase once), before the phases. */
  firstLoad: Pair<PhaseResult>;
  /** Ours at concurrency 1 with a search_knowledge round before the answer. */
  toolRound: number[];
  relay: Pair<number>;
  memory: { idle: Pair<number>; at200: Pair<number> };
  coldStart: { fresh: number; existing: number; libsql: number; workerd: number; baseline: number };
  sql: { first: TurnStatements; followUp: TurnStatements };
};

const ratio = (ours: number, baseline: number) => (Number.isFinite(ours / baseline) ? `${(ours / baseline).toFixed(2)}` : '–');
const verbs = (t: TurnStatements) =>
  Object.entries(t.byVerb)
    .sort((a, b) => b[1] - a[1])
    .map(([verb, n]) => `${n} ${verb}`)
    .join(', ');

export function report(f: Figures): string[] {
  const lengths = Object.values(ANSWERS).map((a) => tokenize(a).length);
  const langs = [...new Set(f.questions.map((q) => q.lang))].join(' ');
  const row = ({ baseline, ours }: Pair<PhaseResult>, concurrency: string, arrivals: string) => {
    const p = (r: PhaseResult, q: number) => percentile(r.overheads, q);
    return [
      concurrency,
      arrivals,
      `${baseline.turns}/${ours.turns}`,
      ms(p(baseline, 50)),
      ms(p(baseline, 95)),
      ms(p(ours, 50)),
      ms(p(ours, 95)),
      ratio(p(ours, 50), p(baseline, 50)),
      ratio(p(ours, 95), p(baseline, 95)),
      `${baseline.errors}/${ours.errors}`,
      `${baseline.peakStreams}/${ours.peakStreams}`,
      `${baseline.seconds.toFixed(1)}/${ours.seconds.toFixed(1)}`,
      `${ms(baseline.serverCpuMs / baseline.turns)}/${ms(ours.serverCpuMs / ours.turns)}`,
    ];
  };
  const overhead = [
    ...f.phases.map((pair, i) => row(pair, String(PHASES[i]!.concurrency), PHASES[i]!.arrivals)),
    row(f.instant, '1', `${PHASES[0]!.arrivals}, embedding at once`),
    row(f.firstLoad, String(PHASES[1]!.concurrency), `${PHASES[1]!.arrivals}, first load (one run each)`),
  ];
  const split = (r: PhaseResult) => [r.byTurn.first, r.byTurn.followUp].map((xs) => `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`);
  // Issue 15's fairness: no turn starves, and the p95 stays within twice the p50.
  const spread = (r: PhaseResult) => ratio(percentile(r.overheads, 95), percentile(r.overheads, 50));
  // The same spread as a visitor waits: the model's own time (embedding and first token) added to each turn's overhead.
  const waitSpread = (r: PhaseResult) => ratio(percentile(r.overheads, 95) + f.own.totalMs, percentile(r.overheads, 50) + f.own.totalMs);
  const worstTurn = (r: PhaseResult) => ms(Math.max(...r.overheads), 0);
  const byTurn = f.phases.map(({ baseline, ours }, i) => [String(PHASES[i]!.concurrency), ...split(baseline), ...split(ours), `${spread(baseline)}/${spread(ours)}`, `${waitSpread(baseline)}/${waitSpread(ours)}`, `${worstTurn(baseline)}/${worstTurn(ours)}`]);
  const offScript = f.phases.reduce((n, { baseline, ours }) => n + baseline.offScript + ours.offScript, 0);
  const firstError = f.phases.flatMap(({ baseline, ours }) => [baseline.firstError, ours.firstError]).find(Boolean);
  const worst = (pick: (r: PhaseResult) => number) => f.phases.map(({ baseline, ours }) => Math.max(pick(baseline), pick(ours)));
  const percent = (xs: number[]) => xs.map((x) => `${Math.round(100 * x)}%`).join(' / ');
  return [
    `Side by side: POST /api/chat (SSE), the tutorial RAG (bench/baseline: Hono + ChatOllama + MemoryVectorStore, nothing stored)`,
    `and ours on a libSQL file, as npm start runs it (${startCommand()}; the baseline with Node's defaults),`,
    `each a process of its own on core ${SERVER_CORE}, loaded one at a time (at concurrency 1 they take turns conversation by conversation;`,
    `under load each phase runs in rounds of baseline, ours, ours, baseline (${PHASES.filter((p) => p.spec.perSecond !== null).map((p) => `c${p.concurrency}: ${p.rounds} round${p.rounds > 1 ? 's' : ''}`).join(', ')}), and the turns of every run count);`,
    `the load generator and the Ollama stand-in share core 0. Model: query embedding in ${MODEL_PACE.embedMs} ms, first token after ${MODEL_PACE.firstTokenMs} ms,`,
    `then one every ${MODEL_PACE.tokenMs} ms (${Math.min(...lengths)}–${Math.max(...lengths)} tokens).`,
    `Every turn on both: one query embedding, one retrieval, one model call answering directly with a citation, in the`,
    `question's language (no tool round). Questions: ${f.questions.length} from eval/questions (${langs}) that ours answers through the model;`,
    `conversations of 3 turns. Overhead = first model token at the client − the model's own time asked directly`,
    `(embedding ${ms(f.own.embedMs)} + first token ${ms(f.own.firstTokenMs)} = ${ms(f.own.totalMs)} ms). Ours sends the query's embedding before it`,
    `decides what to say, the baseline before it searches; the row 'embedding at once' has the stand-in embed at once (own time ${ms(f.instant.own.totalMs)} ms),`,
    'as it does by itself: what the overlap hides shows there. The last row is each server\'s first run under load, after the',
    `warm-up (${f.questions.length} turns) and the row above it, before the others: V8 has not yet optimized the code a process runs`,
    'once a turn. The other rows measure processes in service. CPU ms/turn: the server process\'s CPU time over the phase',
    '(all threads, user and kernel, 10 ms ticks) divided by its turns.',
    ...table(
      ['concurrency', 'arrivals', 'turns b/o', 'base p50', 'base p95', 'ours p50', 'ours p95', 'ours/base p50', 'ours/base p95', 'errors b/o', 'peak streams b/o', 'seconds b/o', 'CPU ms/turn b/o'],
      overhead,
    ),
    'The same overhead, p50 / p95 ms, for the first turn of each conversation and for its follow-ups. A first turn opens a',
    'connection unless the generator has an idle one (at c1 it always has; under load most first turns open one), and',
    'Node 20 accepts one new connection per pass of its event loop: a saturated process lets new conversations wait',
    '(README, Running at scale). Fairness: p95 / p50 of all turns (target ≤ 2 at c50), of the overhead and of the whole',
    `wait for the first token (overhead + the model's own ${ms(f.own.totalMs)} ms), and the worst turn's overhead, ms.`,
    ...table(['concurrency', 'base first turns', 'base follow-ups', 'ours first turns', 'ours follow-ups', 'overhead p95/p50 b/o', 'first token p95/p50 b/o', 'worst turn b/o'], byTurn),
    `Load generator + Ollama stand-in (one process on core 0), worst of the two servers' runs at c1 / c50 / c200: CPU of the core`,
    `${percent(worst((r) => r.generatorCpu))}, event loop busy ${percent(worst((r) => r.generatorBusy))}, event-loop delay p99 ${worst((r) => r.generatorLagMs).map((x) => ms(x)).join(' / ')} ms.`,
    `Machine load average (1 min) when the bench started: ${f.loadAverage.toFixed(2)} on 2 cores.`,
    ...(offScript ? [`${offScript} turn(s) ended without the scripted model answer (answered offline or reset), left out of the percentiles.`] : []),
    ...(firstError ? [`First error: ${firstError}`] : []),
    ...(f.profileDir ? [`Profile of ours in ${f.profileDir}; windows (monotonic µs, for bench/profile.ts): ${f.phases.map(({ ours }, i) => `c${PHASES[i]!.concurrency} ${ours.window.join(' ')}`).join('; ')}`] : []),
    '',
    ...table(
      ['measure', 'baseline', 'ours', 'ours/base'],
      [
        ['overhead with a tool round (search_knowledge), c1, p50 / p95, ms', '–', `${ms(percentile(f.toolRound, 50))} / ${ms(percentile(f.toolRound, 95))}`, ''],
        ['relay cost per token, ms (2,000 tokens, no pacing)', ms(f.relay.baseline, 4), ms(f.relay.ours, 4), ratio(f.relay.ours, f.relay.baseline)],
        ['RSS idle after warm-up, MiB', ms(f.memory.idle.baseline), ms(f.memory.idle.ours), ratio(f.memory.idle.ours, f.memory.idle.baseline)],
        [`RSS peak, 200 conversations (${f.phases.at(-1)!.baseline.peakStreams}/${f.phases.at(-1)!.ours.peakStreams} open streams), MiB`, ms(f.memory.at200.baseline), ms(f.memory.at200.ours), ratio(f.memory.at200.ours, f.memory.at200.baseline)],
        ['cold start, spawn → /readyz 200, ms (in-memory index / fresh file)', ms(f.coldStart.baseline, 0), ms(f.coldStart.fresh, 0), ratio(f.coldStart.fresh, f.coldStart.baseline)],
      ],
    ),
    '',
    `Cold start of ours, spawn → first 200 on /readyz (Node: ${startCommand()}, as npm start without its wrappers)`,
    ...table(
      ['runtime and database', 'ms'],
      [
        ['Node, fresh libSQL file (migrate, ingest, embed every chunk)', ms(f.coldStart.fresh, 0)],
        ['Node, existing libSQL file (knowledge unchanged), median of 3', ms(f.coldStart.existing, 0)],
        ['Node, libSQL server stand-in (Hrana over HTTP), existing database', ms(f.coldStart.libsql, 0)],
        ['workerd serve (wrangler bundle, deploy/workerd.capnp; core 0, unpinned helper), libSQL server stand-in, median of 3', ms(f.coldStart.workerd, 0)],
      ],
    ),
    '',
    'SQL statements per turn of ours, counted at the libSQL server stand-in (median of 4 conversations of 3 turns;',
    `not counted: the ROLLBACK step @libsql/client appends to every batch, run only if the batch fails — ${f.sql.first.conditionalRollbacks} and ${f.sql.followUp.conditionalRollbacks} here)`,
    ...table(
      ['turn', 'statements', 'HTTP requests', 'by verb'],
      [
        ['first turn of a conversation', String(f.sql.first.statements), String(f.sql.first.requests), verbs(f.sql.first)],
        ['follow-up turn', String(f.sql.followUp.statements), String(f.sql.followUp.requests), verbs(f.sql.followUp)],
      ],
    ),
  ];
}
