// Tool lesson_outline: a topic, an age group and a duration → a lesson in four timed phases, each with the cited
// points it can draw on; the model writes the lesson from it.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { ToolContext } from './context.ts';
import { AGE_GROUPS, teachingSentences } from './teaching-passages.ts';

export const LessonOutlineInput = z.object({
  topic: z.string().min(3).max(200).describe('What the lesson is about'),
  ageGroup: z.enum(AGE_GROUPS).describe('Age of the pupils'),
  durationMinutes: z.number().int().min(15).max(240).describe('Length of the lesson in minutes'),
});

export const LessonOutlineSchema = z.object({
  topic: z.string(),
  ageGroup: z.enum(AGE_GROUPS),
  durationMinutes: z.number().int(),
  phases: z.array(z.object({ phase: z.enum(['warm_up', 'explore', 'activity', 'reflect']), minutes: z.number().int().min(1), points: z.array(z.object({ text: z.string(), source: z.number().int() })) })).length(4),
});

// Learning about AI before learning with it: most of the time goes to understanding and doing, some to reflecting.
const SHARES = { warm_up: 0.15, explore: 0.3, activity: 0.4, reflect: 0.15 } as const;

export function lessonOutlineTool(context: ToolContext) {
  return tool(
    async ({ topic, ageGroup, durationMinutes }) => {
      const points = await teachingSentences(context, `${topic} ${ageGroup}`, 4, 2);
      const activity = points.filter((point) => /activit/.test(point.docId));
      const byPhase = { warm_up: points.slice(0, 1), explore: points.slice(1, 3), activity: activity.length ? activity.slice(0, 2) : points.slice(3, 5), reflect: points.filter((point) => /fail|safe|gdpr|act/.test(point.docId)).slice(0, 1) };
      const names = Object.keys(SHARES) as (keyof typeof SHARES)[];
      const minutes = names.map((phase) => Math.max(1, Math.floor(durationMinutes * SHARES[phase])));
      // Rounding down leaves a few minutes over: the activity, the longest phase, takes them, so the sum is exact.
      minutes[names.indexOf('activity')]! += durationMinutes - minutes.reduce((sum, m) => sum + m, 0);
      const phases = names.map((phase, i) => ({ phase, minutes: minutes[i]!, points: byPhase[phase].map((point) => ({ text: point.text, source: point.n })) }));
      return JSON.stringify(LessonOutlineSchema.parse({ topic, ageGroup, durationMinutes, phases }));
    },
    {
      name: 'lesson_outline',
      description: 'Plan a lesson for teachers: returns four timed phases (warm-up, explore, activity, reflect) with numbered source points to cite as [n]. Write the lesson from it in the user’s language.',
      schema: LessonOutlineInput,
    },
  );
}
