// How a system prompt is put together, for every assistant: the rules first, then one blank line, then the
// passages, which are data, never instructions.
export type PromptText = { role: string; rules: string[]; strict: string; passages: string; canary: string };
export type PromptOptions = { passages: string; canary: string; strict?: boolean };

export function promptWith(text: PromptText, { passages, canary, strict = false }: PromptOptions): string {
  return [text.role, ...text.rules, ...(strict ? [text.strict] : []), `${text.canary} ${canary}`, '', text.passages, passages].join('\n');
}
