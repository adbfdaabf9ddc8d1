// scoreLead: the rubric, table-driven, and the threshold.
import { describe, expect, it } from 'vitest';
import { scoreLead, type ScoredFacts } from '../../../agents/leads/score.ts';

const base: ScoredFacts = { orgType: 'sme', sector: 'retail', maturity: 'exploring', need: 'AI' };

describe('scoreLead', () => {
  it.each<[string, Partial<ScoredFacts>, number, string[]]>([
    ['a vague SME in another sector, exploring', {}, 20 + 6 + 3 + 8, ['org_type_sme', 'other_sector', 'need_vague', 'maturity_exploring']],
    ['an SME in fintech with a detailed need, a pillar, 3 months, piloting', { sector: 'Fintech / payments', size: '25', need: 'We want to detect fraud in card payments with machine learning on our own transaction history', pillars: ['build-test'], timeline: '3_months', maturity: 'piloting' }, 20 + 15 + 5 + 15 + 10 + 10 + 18, ['org_type_sme', 'strategic_sector_finance', 'size_stated', 'need_detailed', 'pillar_named', 'timeline_3_months', 'maturity_piloting']],
    ['a start-up in the space sector (French), deploying, 6 mois', { orgType: 'startup', sector: 'Spatial, satellites', need: 'Analyse d’images satellites', timeline: 'dans 6 mois', maturity: 'deploying' }, 20 + 15 + 3 + 7 + 25, ['org_type_startup', 'strategic_sector_space', 'need_vague', 'timeline_6_months', 'maturity_deploying']],
    ['a public body in cybersecurity (German)', { orgType: 'public', sector: 'Cybersicherheit', need: 'Anomalien im Netzwerkverkehr früh erkennen', timeline: '12_months' }, 16 + 15 + 9 + 4 + 8, ['org_type_public', 'strategic_sector_cybersecurity', 'need_short', 'timeline_12_months', 'maturity_exploring']],
    ['research in the green economy (Luxembourgish), later', { orgType: 'research', sector: 'Gréng Ekonomie', timeline: 'later' }, 16 + 15 + 3 + 1 + 8, ['org_type_research', 'strategic_sector_green_economy', 'need_vague', 'timeline_later', 'maturity_exploring']],
    ['a large company with an unreadable timeline and unknown pillars', { orgType: 'large', pillars: ['something else'], timeline: 'when budget allows' }, 12 + 6 + 3 + 2 + 8, ['org_type_large', 'other_sector', 'need_vague', 'timeline_unclear', 'maturity_exploring']],
    ['an individual with everything else strong', { orgType: 'individual', sector: 'banking', size: '1', need: 'I am preparing a start-up that will use language models to answer customer questions for banks', pillars: ['connect'], timeline: 'now', maturity: 'piloting' }, 4 + 15 + 5 + 15 + 10 + 10 + 18, ['org_type_individual', 'strategic_sector_finance', 'size_stated', 'need_detailed', 'pillar_named', 'timeline_3_months', 'maturity_piloting']],
  ])('%s', (_name, facts, score, codes) => {
    const result = scoreLead({ ...base, ...facts });
    expect(result.score).toBe(score);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
    expect(result.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(score);
  });

  it('reaches exactly 100 at best, and splits points by dimension (fit 40, intent 35, readiness 25)', () => {
    const best = scoreLead({ orgType: 'sme', sector: 'cybersecurity', size: '10', need: 'one two three four five six seven eight nine ten eleven twelve', pillars: ['connect'], timeline: 'now', maturity: 'deploying' });
    expect(best.score).toBe(100);
    const by = (d: string) => best.reasons.filter((r) => r.dimension === d).reduce((s, r) => s + r.points, 0);
    expect([by('fit'), by('intent'), by('readiness')]).toEqual([40, 35, 25]);
  });

  it.each([
    [50, false],
    [44, false],
    [43, true],
    [0, true],
  ])('with threshold %i, a lead scoring 43 is qualified: %s', (threshold, qualified) => {
    const result = scoreLead({ ...base, need: 'one two three four five' }, { threshold });
    expect(result.score).toBe(43);
    expect(result.qualified).toBe(qualified);
  });
});
