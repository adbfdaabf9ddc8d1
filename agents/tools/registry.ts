// The tool registry: each capability registers a factory; the agent gets the tools built for this turn.
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { ToolContext, ToolFactory } from './context.ts';
import { searchKnowledgeTool } from './search-knowledge.ts';
import { recommendServicesTool } from './recommend-services.ts';
import { explainConceptTool } from './explain-concept.ts';
import { lessonOutlineTool } from './lesson-outline.ts';
import { quizTool } from './quiz.ts';

export type ToolRegistry = { register(factory: ToolFactory): ToolRegistry; build(context: ToolContext): StructuredToolInterface[] };

export function createToolRegistry(factories: ToolFactory[] = []): ToolRegistry {
  const all = [...factories];
  return {
    register(factory) {
      all.push(factory);
      return this;
    },
    build: (context) => all.map((factory) => factory(context)),
  };
}

/** The public assistant's tools; lead capture and escalation register theirs here. */
export const publicTools = () => createToolRegistry([searchKnowledgeTool, recommendServicesTool]);

/** The teachers' assistant's tools: no lead capture, no service recommendations. */
export const teachingTools = () => createToolRegistry([searchKnowledgeTool, lessonOutlineTool, explainConceptTool, quizTool]);
