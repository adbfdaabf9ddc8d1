// Side-by-side bench: the tutorial RAG (bench/baseline) and the assistant as real processes against one Ollama
// stand-in, at concurrency 1, 50 and 200; then memory, relay cost per token, cold starts and SQL per turn.
import { mkdtempSync, rmSync } from 'node:fs';
import { buildServer } from '../../bin/build-server.ts';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNLIMITED } from '../../test/support/app.ts';
import { startLibsqlServer } from '../../test/support/libsql-server/server.ts';
import { startOllamaStandIn } from '../../test/support/ollama/index.ts';
import { medianColdStartMs, startWorkerdReady } from './cold-start.ts';
import { chatTurn } from './client.ts';
import { mergePhases, runPhase, type PhaseResult, type PhaseSpec } from './load.ts';
import { modelOwnTime } from './model-time.ts';
import { MODEL_PACE, MODELS, PHASES, SERVER_CORE } from './plan.ts';
import { npmStart, rssMiB, startServer, type ServerProcess } from './processes.ts';
import { relayCostPerToken } from './relay.ts';
import { report, type Figures } from './report.ts';
import { statementsPerTurn } from './sql-count.ts';
import { toolRoundOverheads } from './tool-round.ts';
import { evalQuestions, firstWord, replyInLanguageOf, type Question } from './workload.ts';

/** The questions the assistant answers from its knowledge through the model; running them warms both servers up. */
async function warmUp(ours: ServerProcess, baseline: ServerProcess, candidates: Question[]): Promise<Question[]> {
  const kept: Question[] = [];
  for (const question of candidates) {
    const turn = await chatTurn(ours.url, { message: question.text }, firstWord(question.lang));
    if (turn.ok && !turn.reset && Number.isFinite(turn.firstTokenMs)) kept.push(question);
  }
  for (const question of kept) await chatTurn(baseline.url, { message: question.text }, firstWord(question.lang));
  return kept;
}

export async function benchSideBySide(): Promise<string[]> {
  // Other work on the machine shares both cores with the servers and the generator: the figures say how much.
  const loadAverage = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'aif-side-'));
  const dbPath = join(dir, 'assistant.db');
  const candidates = evalQuestions(12);
  const ollama = await startOllamaStandIn({ models: [MODELS.chat, MODELS.embed], embeddingOnlyModels: [MODELS.embed], fallback: replyInLanguageOf(candidates) });
  const modelEnv = { OLLAMA_HOSTS: ollama.url, CHAT_MODEL: MODELS.chat, EMBED_MODEL: MODELS.embed };
  // One load generator is one client address: the rate limits would refuse most of its turns.
  const oursEnv = { ...modelEnv, LLM_MODE: 'auto', DATABASE_URL: `file:${dbPath}`, RATE_LIMITS: UNLIMITED };
  // BENCH_CPU_PROF=<dir>: the assistant writes a V8 CPU profile there when it stops (after the load and relay runs).
  const profileDir = process.env.BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const start = (entry: string, env: Record<string, string>, name: string, nodeArgs: string[] = []) =>
    startServer({ entry, env, core: SERVER_CORE, logFile: join(dir, `${name}.log`), nodeArgs });
  // Ours runs as `npm start` runs it; the tutorial RAG with Node's defaults, as a tutorial leaves it.
  const assistant = npmStart();
  // As npm start's prestart script does.
  await buildServer();
  const servers: ServerProcess[] = [];
  try {
    ollama.setFault({ path: '/api/chat', firstTokenDelayMs: MODEL_PACE.firstTokenMs });
    const ours = await start(assistant.entry, oursEnv, 'ours', [...assistant.nodeArgs, ...profile]);
    servers.push(ours);
    const baseline = await start('bench/baseline/server.ts', modelEnv, 'baseline');
    servers.push(baseline);
    const questions = await warmUp(ours, baseline, candidates);
    const idle = { baseline: rssMiB(baseline.pid), ours: rssMiB(ours.pid) };
    const run = async (spec: PhaseSpec, ownMs: number, rounds = 1) => {
      // The stand-in records every request; nothing here reads them, so they are not left to grow its heap.
      ollama.requests.length = 0;
      if (spec.perSecond !== null) {
        // Under load the servers cannot take turns conversation by conversation: each round runs the phase twice for
        // each, in the order baseline, ours, ours, baseline, so that a machine speeding up or slowing down through the
        // four runs weighs on both alike (one run each, baseline first, gave c50 ratios from 1.3 to 3.1 at one commit).
        const parts = { baseline: [] as PhaseResult[], ours: [] as PhaseResult[] };
        for (let round = 0; round < rounds; round++) {
          const first = { ...spec, from: 2 * round * spec.conversations };
          const again = { ...spec, from: (2 * round + 1) * spec.conversations };
          parts.baseline.push(await runPhase(baseline, questions, first, ownMs));
          parts.ours.push(await runPhase(ours, questions, first, ownMs));
          parts.ours.push(await runPhase(ours, questions, again, ownMs));
          parts.baseline.push(await runPhase(baseline, questions, again, ownMs));
        }
        return { baseline: mergePhases(parts.baseline), ours: mergePhases(parts.ours) };
      }
      // One at a time, the servers take turns conversation by conversation: a machine that slows down or speeds up
      // during the phase (this one's pace varies by half within minutes) weighs on both alike.
      const parts = { baseline: [] as PhaseResult[], ours: [] as PhaseResult[] };
      for (let i = 0; i < spec.conversations; i++) {
        const one = { ...spec, conversations: 1, from: i };
        parts.baseline.push(await runPhase(baseline, questions, one, ownMs));
        parts.ours.push(await runPhase(ours, questions, one, ownMs));
      }
      return { baseline: mergePhases(parts.baseline), ours: mergePhases(parts.ours) };
    };

    ollama.setFault({ path: '/api/chat', firstTokenDelayMs: MODEL_PACE.firstTokenMs, tokenDelayMs: MODEL_PACE.tokenMs });
    // First with the stand-in's instant embedding: ours starts the query's embedding before it decides, and this
    // run shows the overhead that overlap does not hide.
    const ownInstant = await modelOwnTime(ollama.url, MODELS, questions[0]!.text);
    const instant = await run(PHASES[0]!.spec, ownInstant.totalMs);
    ollama.setFault({ path: '/api/embed', firstTokenDelayMs: MODEL_PACE.embedMs, times: Infinity });
    const own = await modelOwnTime(ollama.url, MODELS, questions[0]!.text);
    // A process fresh from its start runs the code it meets once a turn unoptimized for its first few hundred turns:
    // each server's first load is one run of the c50 phase, printed on its own row, and the phases after it measure
    // processes in service.
    const firstLoad = { baseline: await runPhase(baseline, questions, PHASES[1]!.spec, own.totalMs), ours: await runPhase(ours, questions, PHASES[1]!.spec, own.totalMs) };
    const phases: { baseline: PhaseResult; ours: PhaseResult }[] = [];
    for (const { spec, rounds } of PHASES) phases.push(await run(spec, own.totalMs, rounds));
    const toolRound = await toolRoundOverheads(ollama, ours.url, questions, MODELS);

    ollama.setFault(null);
    ollama.setFault({ path: '/api/chat', firstTokenDelayMs: MODEL_PACE.firstTokenMs });
    const [relayBaseline, relayOurs] = await relayCostPerToken(ollama, [baseline.url, ours.url], questions[0]!, MODELS);

    await ours.stop();
    const existingMs = await medianColdStartMs(3, async () => {
      const server = await start(assistant.entry, oursEnv, 'ours-existing', assistant.nodeArgs);
      servers.push(server);
      return server;
    });
    await baseline.stop();

    ollama.setFault(null);
    const libsql = await startLibsqlServer({ dbPath });
    try {
      const sql = await statementsPerTurn(libsql, oursEnv, questions, SERVER_CORE, join(dir, 'ours-libsql.log'));
      const workerdMs = await medianColdStartMs(3, () => startWorkerdReady({ ...oursEnv, DATABASE_URL: libsql.url }));
      const figures: Figures = {
        loadAverage,
        ...(profileDir ? { profileDir } : {}),
        questions,
        own,
        instant: { own: ownInstant, ...instant },
        firstLoad,
        phases,
        toolRound,
        relay: { baseline: relayBaseline!, ours: relayOurs! },
        memory: { idle, at200: { baseline: phases.at(-1)!.baseline.peakRssMiB, ours: phases.at(-1)!.ours.peakRssMiB } },
        coldStart: { fresh: ours.readyMs, existing: existingMs, libsql: sql.readyMs, workerd: workerdMs, baseline: baseline.readyMs },
        sql,
      };
      return report(figures);
    } finally {
      await libsql.close();
    }
  } finally {
    for (const server of servers) await server.stop();
    await ollama.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
