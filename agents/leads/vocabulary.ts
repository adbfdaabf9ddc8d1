// The lead's closed vocabularies (organisation types, maturity, the six pillars, the four strategic sectors) and text normalisation.

export const ORG_TYPES = ['sme', 'startup', 'large', 'public', 'research', 'individual'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const MATURITIES = ['exploring', 'piloting', 'deploying'] as const;
export type Maturity = (typeof MATURITIES)[number];

/** The service catalogue's six pillars (knowledge/<lang>/pillar-*.md). */
export const PILLARS = ['assess-accelerate', 'upskill-train', 'connect', 'finance', 'build-test', 'scale-deploy'] as const;
export type Pillar = (typeof PILLARS)[number];

export const STRATEGIC_SECTORS = ['finance', 'space', 'cybersecurity', 'green_economy'] as const;
export type StrategicSector = (typeof STRATEGIC_SECTORS)[number];

/** Lower case, no diacritics, ß → ss, punctuation to spaces, single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
    .trim();
}

// Word beginnings, in EN/FR/DE/LB, matched on normalised text.
const SECTOR_STEMS: Record<StrategicSector, string[]> = {
  finance: ['financ', 'fintech', 'bank', 'banque', 'banking', 'insur', 'assuranc', 'versicher', 'finanz', 'invest', 'fund industry', 'fonds', 'payment', 'paiement'],
  space: ['space', 'aerospac', 'satellit', 'spatial', 'espace', 'raumfahrt', 'weltraum', 'weltall', 'raumfaart', 'orbit'],
  cybersecurity: ['cyber', 'security', 'securite', 'sicherheit', 'secherheet', 'infosec'],
  green_economy: ['green', 'sustainab', 'climat', 'climate', 'renewab', 'energ', 'environment', 'environnement', 'durable', 'vert', 'grun', 'nachhaltig', 'umwelt', 'klima', 'greng', 'nohalteg', 'emwelt', 'circular', 'circulaire', 'kreislauf', 'cleantech'],
};

/** The strategic sector a free-text sector names, if any. */
export function strategicSector(sector: string): StrategicSector | null {
  const words = normaliseText(sector).split(' ');
  for (const key of STRATEGIC_SECTORS) {
    if (SECTOR_STEMS[key].some((stem) => (stem.includes(' ') ? words.join(' ').includes(stem) : words.some((word) => word.startsWith(stem))))) return key;
  }
  return null;
}

const NOW_WORDS = ['now', 'asap', 'immediately', 'urgent', 'maintenant', 'immediatement', 'sofort', 'direkt', 'dringend', 'elo', 'direkt', 'tout de suite'];
const UNIT_MONTHS: [RegExp, number][] = [
  [/^(months?|mois|monate?n?|maint|meint|mo)$/, 1],
  [/^(weeks?|semaines?|wochen?|wochen|woch)$/, 0.25],
  [/^(years?|ans?|annees?|jahre?n?|joer)$/, 12],
];

/** Months until the project should start, from a suggested value or free text ("in 3 months", "6 mois"); null when unknown. */
export function timelineMonths(timeline: string | null | undefined): number | null {
  if (!timeline) return null;
  const known: Record<string, number> = { now: 0, '3_months': 3, '6_months': 6, '12_months': 12, later: 24 };
  if (timeline in known) return known[timeline]!;
  const text = normaliseText(timeline);
  if (NOW_WORDS.some((word) => text.split(' ').includes(word) || (word.includes(' ') && text.includes(word)))) return 0;
  const match = /(\d{1,2})\s*([a-z]+)/.exec(text);
  if (!match) return null;
  const unit = UNIT_MONTHS.find(([pattern]) => pattern.test(match[2]!));
  return unit ? Number(match[1]) * unit[1] : null;
}
