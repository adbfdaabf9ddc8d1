// The admin sections beside the inbox — Leads (#leads, #leads/<id>), Audit log (#audit), Staff accounts (#accounts) —
// and the confirmation dialog they share. The console's navigation (sections.ts) shows them to admins only.
import { createAccountsView } from './accounts-view.ts';
import { createAdminApi } from './admin-api.ts';
import type { AdminContext } from './admin-context.ts';
import type { StaffApi } from './api.ts';
import { createAuditView } from './audit-view.ts';
import { createConfirmDialog } from './confirm-dialog.ts';
import { createLeadsView } from './leads-view.ts';
import type { SectionView } from './sections.ts';

export function createAdminSections(base: Omit<AdminContext, 'api' | 'ask'>, staffApi: StaffApi) {
  const confirm = createConfirmDialog(base.t);
  const ctx: AdminContext = { ...base, api: createAdminApi(staffApi), ask: (request) => confirm.ask(request) };
  const views: Record<'leads' | 'audit' | 'accounts', SectionView> = {
    leads: createLeadsView(ctx),
    audit: createAuditView(ctx),
    accounts: createAccountsView(ctx),
  };
  return { views, dialog: confirm.dialog };
}
