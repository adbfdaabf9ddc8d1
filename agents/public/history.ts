// The conversation's history within a token budget: the most recent turns that fit, oldest dropped first. Pure.
export type Turn = { role: 'user' | 'assistant'; content: string };

// About four characters per token for the European languages we serve; exact counts need the model's tokenizer.
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export function fitHistory(turns: Turn[], budgetTokens: number): Turn[] {
  const kept: Turn[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const cost = estimateTokens(turns[i]!.content);
    if (used + cost > budgetTokens) break;
    kept.unshift(turns[i]!);
    used += cost;
  }
  // A history that opens with the assistant's reply has lost its question; drop the orphan.
  while (kept[0]?.role === 'assistant') kept.shift();
  return kept;
}
