// The wait a visitor in the staff queue is told: an estimate in whole minutes from recent first-response times.

export type WaitOptions = {
  /** Staff members answering the queue at once; the queue is shared between them. */
  staffOnDuty?: number;
  /** How many of the latest first responses count. */
  window?: number;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Minutes until a person answers the visitor at `position` (1 = next), or null without history to go on.
 * The median of the last `window` first responses (oldest first in `recentFirstResponsesMs`), because those times
 * are skewed: one visitor left waiting over lunch would drag a mean up for the whole afternoon, the median ignores
 * it yet follows a day that gets busier. Each visitor ahead takes about that long, shared among the staff on duty;
 * rounded up, never under a minute, since "0 minutes" is a promise nobody keeps.
 */
export function estimateWait(position: number, recentFirstResponsesMs: number[], { staffOnDuty = 1, window = 20 }: WaitOptions = {}): number | null {
  if (!Number.isInteger(position) || position < 1) throw new RangeError(`estimateWait: position ${position} is not 1 or more`);
  const recent = recentFirstResponsesMs.filter((ms) => Number.isFinite(ms) && ms >= 0).slice(-window);
  if (recent.length === 0) return null;
  const ms = (median(recent) * position) / Math.max(1, staffOnDuty);
  return Math.max(1, Math.ceil(ms / 60_000));
}
