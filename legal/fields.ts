// The values a legal text names as {{fields}}: the operator's details (configuration) and the retention periods the
// code applies, so the texts never repeat a number or an address that could drift from what the software does.
export const LEGAL_FIELDS = [
  'operator.name',
  'operator.address',
  'operator.email',
  'dpo.email',
  'publication.director',
  'hosting.provider',
  'site.origin',
  'retention.conversationDays',
  'retention.educationHours',
  'retention.leadDays',
  'retention.sessionHours',
  'retention.sessionIdleMinutes',
] as const;
export type LegalField = (typeof LEGAL_FIELDS)[number];

const FIELD = /\{\{([\w.]+)\}\}/g;

/** The names of the fields a text uses, in order of appearance. */
export const fieldsIn = (text: string): string[] => [...text.matchAll(FIELD)].map((m) => m[1]!);

/** The HTML with every {{field}} replaced by its markup; the values must already be escaped. */
export const fillFields = (html: string, values: Record<LegalField, string>): string => html.replace(FIELD, (_, name: string) => values[name as LegalField]);
