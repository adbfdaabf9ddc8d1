// `npm run eval -- --chat`: the eval questions and the chat sets through POST /api/chat (offline), scored per language and set.
//
// eval/chat/<lang>.json holds one language's sets, written as visitors type: `keywords` (2–3 words and the fact they
// must bring), `greetings` (hello, thanks, goodbye, "who are you"), `followUps` (a question, then a short follow-up in
// the same conversation and the fact the follow-up must bring), `sme` (vague questions from small companies) and
// `sharedWords` (everyday requests that share words with the knowledge). The eval questions (eval/questions) and the
// out-of-scope questions (eval/out-of-scope) are asked as well. Scoring is pure; only runChatEval does I/O.
import { readFileSync } from 'node:fs';
import { francAll } from 'franc-all';
import { z } from 'zod';
import { FROM_ISO639_3, ISO639_3, LANGS, type Lang } from '../agents/language/languages.ts';
import { makeApp } from '../test/support/app.ts';
import { loadOutOfScope } from './calibrate.ts';
import { loadQuestions } from './evaluate.ts';
import { containsKey, factKey, loadFacts, type Fact } from './facts.ts';

const ChatSetsSchema = z.strictObject({
  keywords: z.array(z.strictObject({ question: z.string().min(2), factId: z.string() })),
  greetings: z.array(z.string().min(2)),
  followUps: z.array(z.strictObject({ first: z.string().min(3), followUp: z.string().min(2), factId: z.string() })),
  sme: z.array(z.string().min(3)),
  sharedWords: z.array(z.string().min(3)),
});
export type ChatSets = z.infer<typeof ChatSetsSchema>;

export const loadChatSets = (lang: Lang): ChatSets =>
  ChatSetsSchema.parse(JSON.parse(readFileSync(new URL(`./chat/${lang}.json`, import.meta.url), 'utf8')));

export const SETS = ['facts', 'keywords', 'follow-ups', 'greetings', 'sme', 'out-of-scope', 'shared-words'] as const;
export type SetName = (typeof SETS)[number];

/** One message to score; `first` is asked before it in the same conversation and is not scored. */
export type Case = { lang: Lang; set: SetName; question: string; inScope: boolean; factId?: string; first?: string };

export function chatCases(lang: Lang): Case[] {
  const sets = loadChatSets(lang);
  const inScope = (set: SetName, question: string, factId?: string): Case => ({ lang, set, question, inScope: true, ...(factId ? { factId } : {}) });
  const outOfScope = (set: SetName, question: string): Case => ({ lang, set, question, inScope: false });
  return [
    ...loadQuestions(lang).map((q) => inScope('facts', q.question, q.factId)),
    ...sets.keywords.map((k) => inScope('keywords', k.question, k.factId)),
    ...sets.followUps.map((f) => ({ ...inScope('follow-ups', f.followUp, f.factId), first: f.first })),
    ...sets.greetings.map((question) => inScope('greetings', question)),
    ...sets.sme.map((question) => inScope('sme', question)),
    ...loadOutOfScope(lang).map((q) => outOfScope('out-of-scope', q.question)),
    ...sets.sharedWords.map((question) => outOfScope('shared-words', question)),
  ];
}

// The JSON answer of POST /api/chat, as much of it as the eval reads.
const ReplySchema = z.object({
  conversationId: z.string(),
  conversationToken: z.string(),
  lang: z.string(),
  answer: z.string(),
  answered: z.boolean(),
  actions: z.array(z.looseObject({ type: z.string() })).optional(),
});
export type Reply = Pick<z.infer<typeof ReplySchema>, 'lang' | 'answer' | 'answered' | 'actions'>;

export const factInAnswer = (answer: string, fact: Fact, lang: Lang): boolean => containsKey(answer, factKey(fact, lang));

export const isRefusal = (reply: Pick<Reply, 'answered'>): boolean => reply.answered === false;

const ONLY = LANGS.map((lang) => ISO639_3[lang]);

/** The language franc-all reads in an answer (links, quote marks and citation markers left out); undefined if too short. */
export function answerLanguage(answer: string): Lang | undefined {
  const prose = answer.replace(/https?:\/\/\S+/g, ' ').replace(/\[\d+\]/g, ' ').replace(/^>\s?/gm, '');
  const [best] = francAll(prose, { only: ONLY });
  return best ? FROM_ISO639_3[best[0]] : undefined;
}

/** Labelled with the visitor's language and reading as it (a text too short to judge is taken at its label). */
export const inLanguage = (reply: Reply, lang: Lang): boolean => reply.lang === lang && (answerLanguage(reply.answer) ?? lang) === lang;

// Pillar names stay in English in every language's documents; case matters so that French "finance" is not a pillar.
const PILLAR = /\b(Assess & Accelerate|Upskill & Train|Connect|Finance|Build & Test|Scale & Deploy)\b/;

/** A vague company question is guided when the reply offers the lead form or names a pillar. */
export const isGuided = (reply: Reply): boolean => (reply.actions ?? []).some((action) => action.type === 'lead_form') || PILLAR.test(reply.answer);

/**
 * Whether a reply turns the visitor away. Questions about the knowledge need a grounded answer (`answered`); a vague
 * company question is also served by guidance (pillars, the lead form); a reply to a greeting cites nothing, so it is
 * never `answered`, and turns the visitor away only when it carries a "no answer" wording (`refusals`).
 */
export function turnsAway(c: Case, reply: Reply, refusals: readonly string[]): boolean {
  if (c.set === 'greetings') return refusals.some((wording) => reply.answer.includes(wording));
  if (c.set === 'sme') return isRefusal(reply) && !isGuided(reply);
  return isRefusal(reply);
}

export type Outcome = { case: Case; reply: Reply; refused: boolean; rightLanguage: boolean; factFound?: boolean; guided?: boolean };

export function scoreReply(c: Case, reply: Reply, facts: ReadonlyMap<string, Fact>, refusals: readonly string[]): Outcome {
  const fact = c.factId === undefined ? undefined : facts.get(c.factId);
  if (c.factId !== undefined && !fact) throw new Error(`unknown fact ${c.factId} for "${c.question}"`);
  const refused = turnsAway(c, reply, refusals);
  return {
    case: c,
    reply,
    refused,
    rightLanguage: inLanguage(reply, c.lang),
    // A refusal never delivers a fact, whatever words its fixed wording shares with a key.
    ...(fact ? { factFound: !refused && factInAnswer(reply.answer, fact, c.lang) } : {}),
    ...(c.set === 'sme' ? { guided: isGuided(reply) } : {}),
  };
}

export type Rates = { n: number; factInAnswer?: number; falseRefusal?: number; falseAnswer?: number; rightLanguage?: number; guided?: number };

const share = (flags: boolean[]) => (flags.length === 0 ? undefined : flags.filter(Boolean).length / flags.length);
const defined = <T>(values: (T | undefined)[]) => values.filter((value): value is T => value !== undefined);

export function rates(outcomes: Outcome[]): Rates {
  return {
    n: outcomes.length,
    factInAnswer: share(defined(outcomes.map((o) => o.factFound))),
    falseRefusal: share(outcomes.filter((o) => o.case.inScope).map((o) => o.refused)),
    falseAnswer: share(outcomes.filter((o) => !o.case.inScope).map((o) => !o.refused)),
    rightLanguage: share(outcomes.map((o) => o.rightLanguage)),
    guided: share(defined(outcomes.map((o) => o.guided))),
  };
}

/** What went wrong with one reply; empty when nothing did. */
export function failures(o: Outcome): string[] {
  return [
    o.case.inScope && o.refused ? 'refused' : '',
    !o.case.inScope && !o.refused ? 'answered' : '',
    o.factFound === false && !o.refused ? `no ${o.case.factId}` : '',
    o.rightLanguage ? '' : `language ${o.reply.lang}/${answerLanguage(o.reply.answer) ?? '?'}`,
    o.guided === false ? 'no pillar, no lead form' : '',
  ].filter(Boolean);
}

const pct = (rate?: number) => (rate === undefined ? '—' : `${(rate * 100).toFixed(1)} %`);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The replies of one run, its time, and each language's AI notice (skipped in the excerpts of misses). */
export type ChatRun = { outcomes: Outcome[]; ms: number; notices: Partial<Record<Lang, string>> };

/** The per-language tables (all sets, then each set), the misses, and the run time, as Markdown. */
export function chatReport({ outcomes, ms, notices }: ChatRun): string {
  const lines = [
    `Chat eval: ${outcomes.length} replies through POST /api/chat (offline) in ${(ms / 1000).toFixed(1)} s.`,
    'Goal: the fact in at least 95 % of answers in every language.',
  ];
  const header = ['set', 'n', 'fact in answer', 'false refusals', 'false answers', 'right language', 'guided (sme)'];
  const row = (name: string, r: Rates) => `| ${[name, String(r.n), pct(r.factInAnswer), pct(r.falseRefusal), pct(r.falseAnswer), pct(r.rightLanguage), pct(r.guided)].join(' | ')} |`;
  for (const lang of LANGS) {
    const mine = outcomes.filter((o) => o.case.lang === lang);
    if (mine.length === 0) continue;
    lines.push('', `### ${lang}`, `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, row('all', rates(mine)));
    for (const set of SETS) {
      const inSet = mine.filter((o) => o.case.set === set);
      if (inSet.length) lines.push(row(set, rates(inSet)));
    }
    const notice = notices[lang];
    // The AI notice opens every first turn; the excerpt starts after it, where replies differ.
    const excerpt = (answer: string) => oneLine(notice ? answer.replace(notice, '') : answer).slice(0, 100);
    const misses = mine.filter((o) => failures(o).length > 0);
    if (misses.length) lines.push('', `Misses (${lang}):`);
    for (const o of misses) lines.push(`- [${o.case.set}] ${failures(o).join(', ')}: "${o.case.question}" → "${excerpt(o.reply.answer)}"`);
  }
  return lines.join('\n');
}

const LocaleSchema = z.looseObject({
  ai_notice: z.string(),
  refusal: z.looseObject({ no_knowledge: z.string() }),
  language: z.looseObject({ unsupported: z.string() }),
});

/** A language's fixed reply wording (locales/<lang>/chat.json): the AI notice opening a conversation, the "no answer" replies. */
export function replyWording(lang: Lang): { notice: string; refusals: string[] } {
  const locale = LocaleSchema.parse(JSON.parse(readFileSync(new URL(`../locales/${lang}/chat.json`, import.meta.url), 'utf8')));
  return { notice: locale.ai_notice, refusals: [locale.refusal.no_knowledge, locale.language.unsupported] };
}

/** Every case of every language through the real app in offline mode, one conversation per case, as the widget asks. */
export async function runChatEval(langs: readonly Lang[] = LANGS): Promise<ChatRun> {
  const started = performance.now();
  const { app, dispose } = await makeApp({ env: { LLM_MODE: 'offline' } });
  const facts = new Map(loadFacts().map((fact) => [fact.id, fact]));
  type Conversation = { conversationId: string; conversationToken: string };
  const ask = async (message: string, lang: Lang, conversation?: Conversation) => {
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'accept-language': lang,
        ...(conversation ? { authorization: `Bearer ${conversation.conversationToken}` } : {}),
      },
      body: JSON.stringify({ message, ...(conversation ? { conversationId: conversation.conversationId } : {}) }),
    });
    if (!response.ok) throw new Error(`POST /api/chat answered ${response.status} to "${message}": ${await response.text()}`);
    return ReplySchema.parse(await response.json());
  };
  try {
    const outcomes: Outcome[] = [];
    const notices: ChatRun['notices'] = {};
    for (const lang of langs) {
      const { notice, refusals } = replyWording(lang);
      notices[lang] = notice;
      for (const c of chatCases(lang)) {
        const conversation = c.first === undefined ? undefined : await ask(c.first, lang);
        outcomes.push(scoreReply(c, await ask(c.question, lang, conversation), facts, refusals));
      }
    }
    return { outcomes, ms: performance.now() - started, notices };
  } finally {
    dispose();
  }
}
