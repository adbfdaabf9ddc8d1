// The console's calls for the inbox additions and the metrics page; shapes mirror functions/staff/inbox-routes.ts,
// canned-routes.ts and metrics-routes.ts.
import type { Lang } from '../../agents/language/languages.ts';
import type { DayMetrics } from '../../agents/staff/metrics.ts';
import type { MetricsReport } from '../../agents/staff/metrics-report.ts';
import type { StaffApi } from './api.ts';

export type Colleague = { id: string; name: string };
export type CannedReply = { id: string; lang: Lang; title: string; text: string; updatedAt: string };
export type CannedFields = { lang: Lang; title: string; text: string };
export type { DayMetrics, MetricsReport };
export type MetricsQuery = { from: string; to: string; lang: string };

const conversationPath = (id: string, action: string) => `/api/staff/conversations/${encodeURIComponent(id)}/${action}`;
const cannedPath = (id = '') => `/api/staff/canned-replies${id ? `/${encodeURIComponent(id)}` : ''}`;

export function createInboxApi({ request }: Pick<StaffApi, 'request'>) {
  return {
    addNote: (id: string, text: string) => request('POST', conversationPath(id, 'notes'), { text }),
    transfer: (id: string, staffId: string) => request<{ assignee: Colleague }>('POST', conversationPath(id, 'transfer'), { staffId }),
    members: async () => (await request<{ members: Colleague[] }>('GET', '/api/staff/members')).members,
    cannedReplies: async () => (await request<{ replies: CannedReply[] }>('GET', cannedPath())).replies,
    createCanned: (fields: CannedFields) => request('POST', cannedPath(), fields),
    updateCanned: (id: string, fields: CannedFields) => request('PUT', cannedPath(id), fields),
    deleteCanned: (id: string) => request('DELETE', cannedPath(id)),
    metrics: (query: MetricsQuery) => request<MetricsReport>('GET', `/api/staff/metrics?${new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ''))}`),
  };
}
export type InboxApi = ReturnType<typeof createInboxApi>;
