// The offline answerer's decision stays calibrated: out-of-scope questions refused, in-scope ones answered.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../agents/language/languages.ts';
import { decisions, loadOutOfScope, rates, type Rates } from '../../eval/calibrate.ts';

const limits = JSON.parse(readFileSync(new URL('../../eval/answer-limits.json', import.meta.url), 'utf8')) as Record<string, { falseRefusal: number; falseAnswer: number }>;

describe('answer decision (offline, lexical)', () => {
  let measured: Rates[];
  beforeAll(async () => {
    measured = rates(await decisions());
  });

  it.each(LANGS)('has at least 20 out-of-scope questions in %s', (lang) => {
    expect(loadOutOfScope(lang).length).toBeGreaterThanOrEqual(20);
  });

  it.each(LANGS)('in %s stays within the ratcheted false-refusal and false-answer rates', (lang) => {
    const rate = measured.find((r) => r.lang === lang)!;
    expect(rate.falseAnswer).toBeLessThanOrEqual(limits[lang]!.falseAnswer);
    expect(rate.falseRefusal).toBeLessThanOrEqual(limits[lang]!.falseRefusal);
  });
});
