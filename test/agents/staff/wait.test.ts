// estimateWait: the median of recent first responses, scaled by the place in the queue and the staff on duty.
import { describe, expect, it } from 'vitest';
import { estimateWait } from '../../../agents/staff/wait.ts';

const minutes = (...values: number[]) => values.map((m) => m * 60_000);

describe('estimateWait', () => {
  it('is null without history, or with nothing usable in it', () => {
    expect(estimateWait(1, [])).toBeNull();
    expect(estimateWait(3, [Number.NaN, -5, Number.POSITIVE_INFINITY])).toBeNull();
  });

  it('takes the median of an odd and of an even number of responses', () => {
    expect(estimateWait(1, minutes(1, 10, 2))).toBe(2);
    expect(estimateWait(1, minutes(1, 3))).toBe(2);
  });

  it('multiplies by the place in the queue', () => {
    expect(estimateWait(1, minutes(3, 3, 3))).toBe(3);
    expect(estimateWait(4, minutes(3, 3, 3))).toBe(12);
  });

  it('is not dragged up by one visitor left waiting for an hour', () => {
    expect(estimateWait(1, minutes(2, 2, 2, 2, 2, 2, 2, 2, 2, 60))).toBe(2);
  });

  it('counts only the latest responses, the last of the list being the newest', () => {
    const history = [...minutes(30, 30, 30, 30, 30), ...minutes(...Array<number>(20).fill(4))];
    expect(estimateWait(1, history)).toBe(4);
    expect(estimateWait(1, minutes(30, 30, 1, 2, 3), { window: 3 })).toBe(2);
  });

  it('shares the queue among the staff on duty, and treats none as one', () => {
    expect(estimateWait(4, minutes(3), { staffOnDuty: 2 })).toBe(6);
    expect(estimateWait(3, minutes(3), { staffOnDuty: 3 })).toBe(3);
    expect(estimateWait(2, minutes(3), { staffOnDuty: 0 })).toBe(6);
  });

  it('rounds up to whole minutes and never says less than one', () => {
    expect(estimateWait(1, [61_000])).toBe(2);
    expect(estimateWait(1, [10_000])).toBe(1);
    expect(estimateWait(1, [0])).toBe(1);
  });

  it.each([0, -1, 1.5])('refuses place %s in the queue', (position) => {
    expect(() => estimateWait(position, minutes(3))).toThrow(RangeError);
  });
});
