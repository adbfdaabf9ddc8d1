// Knowledge gaps: the visitors' questions the assistant could not answer, whose answer was rated down, or after which
// they asked for a person, grouped by similar question per language so an editor sees what the knowledge lacks. Pure.
import { isPersonRequest } from '../intent/person-request.ts';
import { detectSmallTalk } from '../intent/small-talk.ts';
import { asksAboutPrivacy } from '../intent/privacy-question.ts';
import { detectSupportIntent } from '../leads/intent.ts';
import type { Lang } from '../language/languages.ts';
import { GROUP_THRESHOLD, questionPrint, similarity, type QuestionPrint, type Weigh } from './similarity.ts';

export const GAP_KINDS = ['unanswered', 'thumbs_down', 'escalated'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/**
 * One sign of a gap: the visitor's question (a stored user message) and what happened to it. An escalation comes with
 * the few questions before it (`nth` 1 the last): only the last real question counts, not the request for a person.
 */
export type GapSignal = { questionId: string; question: string; lang: Lang; kind: GapKind; at: number; before?: { escalation: number; nth: number } };

export type GapGroup = {
  lang: Lang;
  /** How many questions (stored user messages) the group holds. */
  count: number;
  /** How many of them were unanswered, rated down, followed by a request for a person (one question may be several). */
  kinds: Record<GapKind, number>;
  /** Distinct wordings, the most asked first, then the newest. */
  examples: string[];
  lastAt: number;
};

/** Examples shown per group. */
export const EXAMPLES = 5;

/**
 * A question worth an editor's time: not a greeting or thanks, not a request for a person or to be contacted, not one
 * about the visitor's own data (the privacy notice answers it), with words to compare.
 */
function isQuestion(signal: GapSignal): boolean {
  const { question, lang } = signal;
  return !detectSmallTalk(question, lang) && !isPersonRequest(question, lang) && !asksAboutPrivacy(question, lang) && !detectSupportIntent(question, lang).topics.includes('contact');
}

/** Of the questions before one escalation, only the last. */
function lastBeforeEscalation(signals: GapSignal[]): GapSignal[] {
  const last = new Map<number, GapSignal>();
  for (const signal of signals) {
    if (!signal.before) continue;
    const kept = last.get(signal.before.escalation);
    if (!kept || signal.before.nth < kept.before!.nth) last.set(signal.before.escalation, signal);
  }
  return signals.filter((signal) => !signal.before || last.get(signal.before.escalation) === signal);
}

type Member = { signal: GapSignal; print: QuestionPrint };

/**
 * Groups the signals per language: a question joins a group when it is similar enough to any of its questions
 * (single link, GROUP_THRESHOLD), so four wordings of one question chain together while other topics stay apart.
 * Groups come largest first, then the most recently asked.
 */
export function groupGaps(signals: readonly GapSignal[], weighOf: (lang: Lang) => Weigh): GapGroup[] {
  const byQuestion = new Map<string, GapSignal[]>();
  for (const signal of lastBeforeEscalation(signals.filter(isQuestion))) byQuestion.set(signal.questionId, [...(byQuestion.get(signal.questionId) ?? []), signal]);
  const groups: { lang: Lang; members: Member[]; signals: GapSignal[][] }[] = [];
  // Oldest first, so a group's order of arrival is stable whatever order the database returned.
  const questions = [...byQuestion.values()].sort((a, b) => a[0]!.at - b[0]!.at || a[0]!.questionId.localeCompare(b[0]!.questionId));
  for (const asked of questions) {
    const first = asked[0]!;
    const print = questionPrint(first.question, first.lang);
    if (print.terms.length === 0) continue;
    const weigh = weighOf(first.lang);
    const joined = groups.filter((group) => group.lang === first.lang && group.members.some((member) => similarity(member.print, print, weigh) >= GROUP_THRESHOLD));
    // A question that links two groups merges them: single link is transitive.
    const [target, ...others] = joined;
    const group = target ?? { lang: first.lang, members: [], signals: [] };
    if (!target) groups.push(group);
    for (const other of others) {
      group.members.push(...other.members);
      group.signals.push(...other.signals);
      groups.splice(groups.indexOf(other), 1);
    }
    group.members.push({ signal: first, print });
    group.signals.push(asked);
  }
  return groups.map(summarise).sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

function summarise({ lang, signals }: { lang: Lang; signals: GapSignal[][] }): GapGroup {
  const kinds = Object.fromEntries(GAP_KINDS.map((kind) => [kind, signals.filter((asked) => asked.some((s) => s.kind === kind)).length])) as Record<GapKind, number>;
  const wordings = new Map<string, { text: string; times: number; at: number }>();
  for (const asked of signals) {
    const { question } = asked[0]!;
    const key = question.trim().toLowerCase().replace(/\s+/g, ' ');
    const at = Math.max(...asked.map((s) => s.at));
    const seen = wordings.get(key);
    wordings.set(key, { text: seen?.text ?? question.trim(), times: (seen?.times ?? 0) + 1, at: Math.max(seen?.at ?? 0, at) });
  }
  const examples = [...wordings.values()].sort((a, b) => b.times - a.times || b.at - a.at).slice(0, EXAMPLES).map((w) => w.text);
  return { lang, count: signals.length, kinds, examples, lastAt: Math.max(...signals.flat().map((s) => s.at)) };
}
