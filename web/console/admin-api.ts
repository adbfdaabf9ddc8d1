// The admin pages' side of the staff API: leads, the audit log and staff accounts, through the console's one client
// (cookie, CSRF token, localized errors). The shapes mirror functions/staff/{lead,audit,account}-routes.ts.
import type { Lang } from '../../agents/language/languages.ts';
import type { LeadView } from '../../functions/staff/lead-routes.ts';
import type { Role, StaffApi } from './api.ts';

export type LeadStatus = 'qualified' | 'unqualified' | 'withdrawn';
export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
export type Paged = { page: number; perPage: number; total: number };

export type LeadItem = { id: string; createdAt: string; status: LeadStatus; score: number; lang: Lang; source: string; organisation: string; contactName: string | null; duplicateOf: string | null; delivery: DeliveryStatus | null };
export type LeadReason = { dimension: 'fit' | 'intent' | 'readiness'; code: string; points: number };
export type LeadDetail = {
  lead: LeadView & { lang: Lang; reasons: LeadReason[] };
  consent: { version: string; at: string; lang: Lang; current: boolean; text: string | null };
  conversation: { id: string; exists: boolean; status: string | null } | null;
  deliveries: { id: number; version: number; event: string; status: DeliveryStatus; attempts: number; lastError: string | null; nextAttemptAt: string | null; createdAt: string; deliveredAt: string | null; retryable: boolean }[];
  history: { id: number; at: string; actor: string; action: string; details: Record<string, unknown> }[];
};

export type Seal = 'pending' | 'intact' | 'altered';
export type AuditRow = { id: number; at: string; actor: string; staff: { email: string; name: string } | null; action: string; subjectType: string; subjectId: string | null; details: Record<string, unknown>; seal: Seal };
export type ChainVerdict = { ok: true; sealed: number; unsealed: number } | { ok: false; sealed: number; firstBroken: number; reason: string };

export type Account = { id: string; email: string; name: string; role: Role; lang: Lang; active: boolean; createdAt: string; updatedAt: string };
export type AccountChange = { account: Account; changed: boolean; sessionsRevoked: number };
export type NewAccount = { email: string; name: string; role: Role; lang: Lang; password: string };

/** Filters as the forms hold them: every value a string, "" for none. */
export type LeadFilter = { status: string; minScore: string; lang: string; from: string; to: string; delivery: string };
export type AuditFilter = { actor: string; action: string; subjectType: string; from: string; to: string };

export const LEADS_CSV_PATH = '/api/staff/leads.csv';

/** The query string of a filter (empty values left out) and, for a list, its page. */
export const queryOf = (filter: Record<string, string>, page?: number) =>
  new URLSearchParams([...Object.entries(filter).filter(([, value]) => value !== ''), ...(page && page > 1 ? [['page', String(page)]] : [])]).toString();

const leadPath = (id: string, action = '') => `/api/staff/leads/${encodeURIComponent(id)}${action}`;
const accountPath = (id: string, action: string) => `/api/staff/accounts/${encodeURIComponent(id)}/${action}`;

export function createAdminApi({ request }: StaffApi) {
  return {
    leads: (filter: LeadFilter, page: number) => request<Paged & { leads: LeadItem[] }>('GET', `/api/staff/leads?${queryOf(filter, page)}`),
    lead: (id: string) => request<LeadDetail>('GET', leadPath(id)),
    promote: (id: string, reason: string) => request<{ status: LeadStatus }>('POST', leadPath(id, '/promote'), { reason }),
    withdraw: (id: string, reason: string) => request<{ status: string }>('POST', leadPath(id, '/withdraw'), { reason }),
    retry: (id: string) => request<{ retried: number }>('POST', leadPath(id, '/retry')),
    audit: (filter: AuditFilter, page: number) => request<Paged & { rows: AuditRow[] }>('GET', `/api/staff/audit?${queryOf(filter, page)}`),
    verify: () => request<ChainVerdict>('GET', '/api/staff/audit/verify'),
    accounts: async () => (await request<{ accounts: Account[] }>('GET', '/api/staff/accounts')).accounts,
    createAccount: (input: NewAccount) => request<{ account: Account }>('POST', '/api/staff/accounts', input),
    deactivate: (id: string) => request<AccountChange>('POST', accountPath(id, 'deactivate')),
    reactivate: (id: string) => request<AccountChange>('POST', accountPath(id, 'reactivate')),
    setPassword: (id: string, password: string) => request<AccountChange>('POST', accountPath(id, 'password'), { password }),
    setRole: (id: string, role: Role) => request<AccountChange>('POST', accountPath(id, 'role'), { role }),
  };
}
export type AdminApi = ReturnType<typeof createAdminApi>;
