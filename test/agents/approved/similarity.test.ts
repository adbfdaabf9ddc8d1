// Matching visitors' questions to approved ones, and grouping unanswered questions into gaps, on the question sets in
// test/fixtures (written for these tests, four languages), with word weights from the real knowledge index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupGaps, type GapSignal } from '../../../agents/approved/gaps.ts';
import { answersQuestion, MATCH_THRESHOLD, questionPrint, similarity, weigher, wordsOf, type Weigh } from '../../../agents/approved/similarity.ts';
import { scopeOf } from '../../../agents/chat/scope.ts';
import { LANGS, type Lang } from '../../../agents/language/languages.ts';
import { ingestKnowledge } from '../../../agents/retrieval/ingest.ts';
import { readKnowledgeFiles } from '../../../agents/retrieval/knowledge-files.node.ts';
import { chunkFrequencies } from '../../../db/queries/knowledge.ts';
import { loadChatSets } from '../../../eval/chat.ts';
import { loadOutOfScope } from '../../../eval/calibrate.ts';
import { loadQuestions } from '../../../eval/evaluate.ts';
import { loadApprovedSet, loadGapSet } from '../../fixtures/approved-questions.ts';
import { makeDb, type TestDb } from '../../support/app.ts';

let db: TestDb;
beforeAll(async () => {
  db = await makeDb();
  await ingestKnowledge(db.drizzle, await readKnowledgeFiles(), { embedder: null });
});
afterAll(() => db.dispose());

/** Weights for every word of these questions, from the public assistant's chunks of the language. */
async function weights(questions: string[], lang: Lang): Promise<Weigh> {
  const stats = await chunkFrequencies(db.drizzle, wordsOf(questions.map((q) => questionPrint(q, lang))), lang, scopeOf('public'));
  return weigher(stats);
}

/** The knowledge's own questions: the eval set, keyword questions, out-of-scope ones and those sharing its words. */
function otherQuestions(lang: Lang): string[] {
  const sets = loadChatSets(lang);
  return [...loadQuestions(lang).map((q) => q.question), ...sets.keywords.map((k) => k.question), ...sets.sharedWords, ...loadOutOfScope(lang).map((q) => q.question)];
}

describe.each(LANGS)('approved answers in %s', (lang) => {
  const set = loadApprovedSet(lang);

  it('answer at least 4 of the 5 paraphrases of each approved question', async () => {
    const weigh = await weights(set.approved.flatMap((a) => [a.question, ...a.paraphrases]), lang);
    for (const approved of set.approved) {
      const print = questionPrint(approved.question, lang);
      const matched = approved.paraphrases.filter((p) => answersQuestion(print, questionPrint(p, lang), weigh) !== null);
      expect(matched.length, `${approved.question}: ${approved.paraphrases.filter((p) => !matched.includes(p)).join(' | ')}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('answer none of the 20 unrelated questions, though several share their words', async () => {
    const weigh = await weights([...set.approved.map((a) => a.question), ...set.unrelated], lang);
    const prints = set.approved.map((a) => questionPrint(a.question, lang));
    const matched = set.unrelated.filter((q) => prints.some((print) => answersQuestion(print, questionPrint(q, lang), weigh) !== null));
    expect(matched).toEqual([]);
  });

  it('answer none of the questions the knowledge answers or refuses (eval, keyword, out-of-scope)', async () => {
    const others = otherQuestions(lang);
    expect(others.length).toBeGreaterThan(100);
    const weigh = await weights([...set.approved.map((a) => a.question), ...others], lang);
    const prints = set.approved.map((a) => questionPrint(a.question, lang));
    expect(others.filter((q) => prints.some((print) => answersQuestion(print, questionPrint(q, lang), weigh) !== null))).toEqual([]);
  });
});

describe('answersQuestion', () => {
  const flat: Weigh = () => 1;
  it('needs the approved question\'s subject, not only its verb: "subscribe to a course" is no newsletter', () => {
    const approved = questionPrint('How can I subscribe to the newsletter?', 'en');
    expect(answersQuestion(approved, questionPrint('Where do I subscribe to the newsletter?', 'en'), flat)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    const unknownSubject: Weigh = (word) => (word === 'newsletter' ? 2 : 1);
    expect(answersQuestion(approved, questionPrint('How can I subscribe to the course?', 'en'), unknownSubject)).toBeNull();
  });

  it('needs every name the approved question spells as a name', () => {
    const approved = questionPrint('Can I visit MeluXina?', 'en');
    expect(answersQuestion(approved, questionPrint('Is a visit to MeluXina possible?', 'en'), flat)).not.toBeNull();
    expect(answersQuestion(approved, questionPrint('Can I visit the LNDS?', 'en'), flat)).toBeNull();
  });

  it('keeps apart questions that ask for different kinds of answer', () => {
    expect(similarity(questionPrint('When does the MeluXina training start?', 'en'), questionPrint('Who gives the MeluXina training?', 'en'), flat)).toBe(0);
  });
});

describe('groupGaps', () => {
  const gaps = loadGapSet();
  const signals = (langs: Lang[]): GapSignal[] =>
    langs.flatMap((lang) =>
      Object.entries(gaps[lang]).flatMap(([topic, wordings]) => wordings.map((question, i) => ({ questionId: `${lang}-${topic}-${i}`, question, lang, kind: 'unanswered' as const, at: i }))),
    );
  const weighOf = async (langs: Lang[]) => {
    const byLang = new Map(await Promise.all(langs.map(async (lang) => [lang, await weights(Object.values(gaps[lang]).flat(), lang)] as const)));
    return (lang: Lang) => byLang.get(lang)!;
  };

  it.each([
    ['en', 'fr'],
    ['de', 'lb'],
    ['fr', 'lb'],
  ] as [Lang, Lang][])('groups 3 topics × 4 wordings in %s and %s into exactly 6 groups of 4, one topic each', async (...langs) => {
    const groups = groupGaps(signals(langs), await weighOf(langs));
    expect(groups).toHaveLength(6);
    for (const group of groups) {
      expect(group.count).toBe(4);
      const topics = new Set(group.examples.map((example) => Object.entries(gaps[group.lang]).find(([, wordings]) => wordings.includes(example))![0]));
      expect(topics.size, group.examples.join(' | ')).toBe(1);
    }
  });

  it('leaves out greetings, requests for a person or to be called back and questions about the visitor\'s own data, keeps only the last real question before an escalation, and counts each kind', async () => {
    const weigh = await weighOf(['en']);
    const groups = groupGaps(
      [
        { questionId: 'hello', question: 'Hello!', lang: 'en', kind: 'unanswered', at: 1 },
        { questionId: 'mine', question: 'Do you store my data?', lang: 'en', kind: 'unanswered', at: 1 },
        { questionId: 'call', question: 'Please call me back', lang: 'en', kind: 'unanswered', at: 1 },
        { questionId: 'person', question: 'I want to talk to a person', lang: 'en', kind: 'unanswered', at: 2 },
        { questionId: 'person', question: 'I want to talk to a person', lang: 'en', kind: 'escalated', at: 3, before: { escalation: 7, nth: 1 } },
        { questionId: 'parking', question: 'Is there parking at the AI Factory?', lang: 'en', kind: 'escalated', at: 3, before: { escalation: 7, nth: 2 } },
        { questionId: 'older', question: 'What is MeluXina?', lang: 'en', kind: 'escalated', at: 3, before: { escalation: 7, nth: 3 } },
        { questionId: 'parking', question: 'Is there parking at the AI Factory?', lang: 'en', kind: 'unanswered', at: 2 },
        { questionId: 'park', question: 'Where can I park my car?', lang: 'en', kind: 'thumbs_down', at: 4 },
        { questionId: 'park-again', question: 'Where can I park my car?', lang: 'en', kind: 'unanswered', at: 5 },
      ],
      () => weigh('en'),
    );
    expect(groups).toEqual([
      { lang: 'en', count: 3, kinds: { unanswered: 2, thumbs_down: 1, escalated: 1 }, examples: ['Where can I park my car?', 'Is there parking at the AI Factory?'], lastAt: 5 },
    ]);
  });
});
