// The staff CSV export of leads: one row per lead with its score reasons, consent and latest delivery. Pure.
import type { LeadRow } from '../../db/queries/leads.ts';
import { toCsv } from './csv.ts';
import { iso } from './webhook.ts';

export const EXPORT_COLUMNS = ['lead_id', 'version', 'status', 'qualified', 'score', 'reasons', 'created_at', 'updated_at', 'lang', 'organisation', 'org_type', 'sector', 'size', 'maturity', 'need', 'pillars', 'timeline', 'contact_name', 'contact_email', 'contact_phone', 'consent_version', 'consent_at', 'source', 'delivery', 'duplicate_of'];

export function leadsCsv(rows: readonly LeadRow[]): string {
  return toCsv(
    EXPORT_COLUMNS,
    rows.map(({ lead, delivery }) => [
      lead.id,
      lead.version,
      lead.status,
      lead.qualified,
      lead.score,
      lead.reasons.map((r) => `${r.dimension}:${r.code}:${r.points}`).join(';'),
      iso(lead.createdAt),
      iso(lead.updatedAt),
      lead.lang,
      lead.organisation,
      lead.orgType,
      lead.sector,
      lead.size,
      lead.maturity,
      lead.need,
      lead.pillars.join(';'),
      lead.timeline,
      lead.contactName,
      lead.contactEmail,
      lead.contactPhone,
      lead.consentVersion,
      iso(lead.consentAt),
      lead.source,
      delivery ?? 'not_sent',
      lead.duplicateOf,
    ]),
  );
}
