// The knowledge gaps staff see: the signs of the conversations still kept, grouped per language, each group with the
// live approved answer that now covers it, if one does.
import type { Db } from '../../db/client.ts';
import { gapSignals } from '../../db/queries/gaps.ts';
import type { Lang } from '../language/languages.ts';
import { CONVERSATION_RETENTION_DAYS, DAY_MS, type Clock } from '../ports.ts';
import type { ApprovedAnswers } from './answers.ts';
import { groupGaps, type GapGroup } from './gaps.ts';
import { questionPrint, type Weigh } from './similarity.ts';

/** Signs read per kind: enough for the groups that matter, few enough for one request. */
const SIGNALS = 1000;

export type GapReport = GapGroup & { approvedAnswerId: string | null };

export async function reportGaps(ports: { db: Db; now: Clock; approved: ApprovedAnswers }, filter: { lang?: Lang }): Promise<GapReport[]> {
  const signals = await gapSignals(ports.db, { since: ports.now() - CONVERSATION_RETENTION_DAYS * DAY_MS, lang: filter.lang, limit: SIGNALS });
  const langs = [...new Set(signals.map((signal) => signal.lang))];
  const known = new Map(
    await Promise.all(
      langs.map(async (lang) => {
        const live = await ports.approved.live(lang);
        const prints = [...signals.filter((s) => s.lang === lang).map((s) => questionPrint(s.question, lang)), ...live.map((answer) => answer.print)];
        return [lang, { live, weigh: await ports.approved.weights(prints, lang) }] as const;
      }),
    ),
  );
  const weighOf = (lang: Lang): Weigh => known.get(lang)!.weigh;
  return groupGaps(signals, weighOf).map((group) => {
    const { live, weigh } = known.get(group.lang)!;
    const covered = group.examples.map((example) => ports.approved.best(live, questionPrint(example, group.lang), weigh)).find(Boolean);
    return { ...group, approvedAnswerId: covered?.answer.id ?? null };
  });
}
