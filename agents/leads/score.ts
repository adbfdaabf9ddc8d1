// Lead scoring: a pure, documented rubric (fit 40 + intent 35 + readiness 25 = 100) and a configurable threshold.
import { PILLARS, strategicSector, timelineMonths, type Maturity, type OrgType } from './vocabulary.ts';

export type ScoredFacts = {
  orgType: OrgType;
  sector: string;
  size?: string | null;
  maturity: Maturity;
  need: string;
  pillars?: string[] | null;
  timeline?: string | null;
};

export type LeadReason = { dimension: 'fit' | 'intent' | 'readiness'; code: string; points: number };

export type LeadScore = { score: number; qualified: boolean; reasons: LeadReason[] };

export const DEFAULT_QUALIFY_THRESHOLD = 50;

/**
 * The rubric. Every point a lead earns is listed in `reasons` with its dimension and a stable code.
 *
 * Fit (up to 40): who the AI Factory serves first.
 *   organisation type: SME or start-up 20, public body or research 16, large company 12, individual 4;
 *   sector: one of the four strategic sectors (finance, space, cybersecurity, green economy) 15, another named sector 6;
 *   size stated 5.
 * Intent (up to 35): how concrete the request is.
 *   need: 12 words or more 15, 5–11 words 9, shorter 3;
 *   at least one of the six pillars named 10 (free-text pillars that match none give 0);
 *   timeline: within 3 months 10, within 6 months 7, within 12 months 4, later 1, stated but unreadable 2.
 * Readiness (up to 25): AI maturity: exploring 8, piloting 18, deploying 25.
 *
 * A lead is qualified when score >= threshold (LEAD_QUALIFY_THRESHOLD, default 50).
 */
export function scoreLead(lead: ScoredFacts, { threshold = DEFAULT_QUALIFY_THRESHOLD }: { threshold?: number } = {}): LeadScore {
  const reasons: LeadReason[] = [];
  const add = (dimension: LeadReason['dimension'], code: string, points: number) => reasons.push({ dimension, code, points });

  const orgPoints: Record<OrgType, number> = { sme: 20, startup: 20, public: 16, research: 16, large: 12, individual: 4 };
  add('fit', `org_type_${lead.orgType}`, orgPoints[lead.orgType]);
  const sector = strategicSector(lead.sector);
  if (sector) add('fit', `strategic_sector_${sector}`, 15);
  else if (lead.sector.trim()) add('fit', 'other_sector', 6);
  if (lead.size && String(lead.size).trim()) add('fit', 'size_stated', 5);

  const words = lead.need.trim().split(/\s+/).filter(Boolean).length;
  add('intent', words >= 12 ? 'need_detailed' : words >= 5 ? 'need_short' : 'need_vague', words >= 12 ? 15 : words >= 5 ? 9 : 3);
  if ((lead.pillars ?? []).some((pillar) => (PILLARS as readonly string[]).includes(pillar))) add('intent', 'pillar_named', 10);
  if (lead.timeline) {
    const months = timelineMonths(lead.timeline);
    if (months === null) add('intent', 'timeline_unclear', 2);
    else if (months <= 3) add('intent', 'timeline_3_months', 10);
    else if (months <= 6) add('intent', 'timeline_6_months', 7);
    else if (months <= 12) add('intent', 'timeline_12_months', 4);
    else add('intent', 'timeline_later', 1);
  }

  const maturityPoints: Record<Maturity, number> = { exploring: 8, piloting: 18, deploying: 25 };
  add('readiness', `maturity_${lead.maturity}`, maturityPoints[lead.maturity]);

  const score = Math.max(0, Math.min(100, reasons.reduce((sum, reason) => sum + reason.points, 0)));
  return { score, qualified: score >= threshold, reasons };
}
