import { describe, expect, it } from 'vitest';
import { rememberLatest } from '../../agents/remember-latest.ts';

describe('rememberLatest', () => {
  it('reads once per new key and keeps only the latest', async () => {
    const reads: string[] = [];
    const remembered = rememberLatest(async (key: string) => (reads.push(key), `value of ${key}`));
    expect(await remembered('a')).toBe('value of a');
    expect(await remembered('a')).toBe('value of a');
    expect(await remembered('b')).toBe('value of b');
    expect(await remembered('a')).toBe('value of a');
    expect(reads).toEqual(['a', 'b', 'a']);
  });

  it('does not keep a failed read, and an older key failing late does not drop the newer value', async () => {
    let fail = true;
    let reads = 0;
    const remembered = rememberLatest(async (key: string) => {
      reads++;
      if (fail) throw new Error(`no ${key}`);
      return key;
    });
    await expect(remembered('a')).rejects.toThrow('no a');
    fail = false;
    expect(await remembered('a')).toBe('a');
    expect(reads).toBe(2);

    let rejectOld!: (error: Error) => void;
    const newReads: string[] = [];
    const slow = rememberLatest((key: string) => (key === 'old' ? new Promise<string>((_, reject) => (rejectOld = reject)) : (newReads.push(key), Promise.resolve(key))));
    const old = slow('old');
    expect(await slow('new')).toBe('new');
    rejectOld(new Error('late'));
    await expect(old).rejects.toThrow('late');
    expect(await slow('new')).toBe('new');
    expect(newReads).toEqual(['new']);
  });
});
