// The teachers' tools on the real knowledge: every outline, explanation and quiz is valid for its schema and cites
// only passages of the teachers' documents or the strategy that the turn numbered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../../agents/retrieval/ingest.ts';
import { rememberKnowledge } from '../../../agents/retrieval/knowledge-snapshot.ts';
import { readKnowledgeFiles } from '../../../agents/retrieval/knowledge-files.node.ts';
import { createCitations, type Citations } from '../../../agents/tools/citations.ts';
import type { ToolContext } from '../../../agents/tools/context.ts';
import { ExplanationSchema, explainConceptTool } from '../../../agents/tools/explain-concept.ts';
import { LessonOutlineSchema, lessonOutlineTool } from '../../../agents/tools/lesson-outline.ts';
import { gapFill, QuizSchema, quizTool } from '../../../agents/tools/quiz.ts';
import { makeDb, type TestDb } from '../../support/app.ts';

let db: TestDb;
beforeAll(async () => {
  db = await makeDb();
  await ingestKnowledge(db.drizzle, await readKnowledgeFiles());
});
afterAll(() => db.dispose());

const contextFor = (lang: 'en' | 'fr' | 'de' | 'lb'): ToolContext & { citations: Citations } => ({ db: db.drizzle, knowledge: rememberKnowledge(db.drizzle), embeddings: null, lang, citations: createCitations(), assistant: 'education' });
const citedDocs = (context: ToolContext, numbers: number[]) => numbers.map((n) => context.citations.sources().find((source) => source.n === n)?.docId);

describe('lesson_outline', () => {
  it.each(['en', 'fr', 'de', 'lb'] as const)('plans a %s lesson in four timed phases that add up to the duration, citing teachers’ passages', async (lang) => {
    const context = contextFor(lang);
    const topic = { en: 'how AI makes mistakes', fr: 'comment une IA se trompe', de: 'wie KI Fehler macht', lb: 'wéi KI Feeler mécht' }[lang];
    const outline = LessonOutlineSchema.parse(JSON.parse(String(await lessonOutlineTool(context).invoke({ topic, ageGroup: '13-15', durationMinutes: 50 }))));
    expect(outline.phases.map((phase) => phase.phase)).toEqual(['warm_up', 'explore', 'activity', 'reflect']);
    expect(outline.phases.reduce((sum, phase) => sum + phase.minutes, 0)).toBe(50);
    const sources = outline.phases.flatMap((phase) => phase.points.map((point) => point.source));
    expect(sources.length).toBeGreaterThan(0);
    for (const docId of citedDocs(context, sources)) expect(docId).toMatch(/^(edu-|ai-strategy)/);
  });
});

describe('explain_concept', () => {
  it('explains a concept for an age group from cited teachers’ passages', async () => {
    const context = contextFor('en');
    const explanation = ExplanationSchema.parse(JSON.parse(String(await explainConceptTool(context).invoke({ concept: 'machine learning', ageGroup: '10-12' }))));
    expect(explanation.points.length).toBeGreaterThan(0);
    expect(explanation.points.some((point) => /learn/i.test(point.text))).toBe(true);
    for (const docId of citedDocs(context, explanation.points.map((point) => point.source))) expect(docId).toMatch(/^(edu-|ai-strategy)/);
  });
});

describe('quiz', () => {
  it('makes gap-fill questions whose answer is the word taken out of a cited sentence', async () => {
    const context = contextFor('de');
    const quiz = QuizSchema.parse(JSON.parse(String(await quizTool(context).invoke({ topic: 'Datenschutz für Schüler', level: 'beginner', n: 4 }))));
    expect(quiz.questions.length).toBeGreaterThan(0);
    expect(quiz.questions.length).toBeLessThanOrEqual(4);
    const passages = context.citations.sources();
    for (const question of quiz.questions) {
      const source = passages.find((p) => p.n === question.source)!;
      expect(source.docId).toMatch(/^(edu-|ai-strategy)/);
      expect(question.question.replace('____', question.answer)).not.toContain('____');
    }
  });

  it.each([
    ['The AI Factory coordinates 140 courses a year.', 'beginner', '140'],
    ['Machine learning finds patterns in examples.', 'intermediate', 'learning'],
  ] as const)('blanks the right word in "%s" (%s)', (sentence, level, answer) => {
    const gap = gapFill(sentence, 'en', level)!;
    expect(gap.answer).toBe(answer);
    expect(gap.question).toBe(sentence.replace(answer, '____'));
  });
});
