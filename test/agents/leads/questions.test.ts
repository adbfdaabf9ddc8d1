// nextLeadQuestion: the order of the qualification questions, optional ones skippable, consent last.
import { describe, expect, it } from 'vitest';
import { LEAD_QUESTIONS, missingAnswers, nextLeadQuestion, type LeadDraft } from '../../../agents/leads/questions.ts';

describe('nextLeadQuestion', () => {
  it('asks every question in order as the answers come in, then returns null once consent is given', () => {
    const answers: LeadDraft = {
      organisation: 'Café Lëtz',
      orgType: 'sme',
      sector: 'finance',
      size: '12',
      maturity: 'exploring',
      need: 'Forecast demand',
      pillars: ['assess-accelerate'],
      timeline: '3_months',
      contactName: 'Anna',
      contactEmail: 'anna@example.lu',
      contactPhone: '+352 621 000 000',
      preferredLang: 'fr',
    };
    const state: LeadDraft = {};
    const asked: (string | null)[] = [];
    for (;;) {
      const next = nextLeadQuestion(state);
      asked.push(next);
      if (next === null) break;
      if (next === 'consent') state.consent = { given: true, version: '2026-11-22', at: 1 };
      else (state as Record<string, unknown>)[next] = answers[next as keyof LeadDraft];
    }
    expect(asked).toEqual([...LEAD_QUESTIONS, null]);
  });

  it.each<[string, LeadDraft, string | null]>([
    ['nothing yet', {}, 'organisation'],
    ['a blank organisation counts as missing', { organisation: '  ' }, 'organisation'],
    ['a later answer does not skip an earlier question', { organisation: 'X', contactEmail: 'a@b.lu' }, 'orgType'],
    ['size skipped', { organisation: 'X', orgType: 'sme', sector: 'space', skipped: ['size'] }, 'maturity'],
    ['empty pillars are unanswered', { organisation: 'X', orgType: 'sme', sector: 'space', size: '3', maturity: 'piloting', need: 'n', pillars: [] }, 'pillars'],
    ['a required question cannot be skipped', { organisation: 'X', skipped: ['orgType' as never] }, 'orgType'],
    ['declined consent is asked again (the tool handles the refusal)', { organisation: 'X', orgType: 'sme', sector: 's', maturity: 'exploring', need: 'n', contactName: 'A', contactEmail: 'a@b.lu', skipped: ['size', 'pillars', 'timeline', 'contactPhone', 'preferredLang'], consent: { given: false, version: 'v', at: 1 } }, 'consent'],
  ])('%s', (_name, state, next) => {
    expect(nextLeadQuestion(state)).toBe(next);
  });

  it('lists the required answers still missing', () => {
    expect(missingAnswers({ organisation: 'X', need: 'n' })).toEqual(['orgType', 'sector', 'maturity', 'contactName', 'contactEmail']);
  });
});
