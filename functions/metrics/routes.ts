// GET /metrics: gauges for the operator's monitoring (Prometheus text), behind METRICS_TOKEN.
import { Hono } from 'hono';
import { backlogs } from '../../db/queries/metrics.ts';
import { requireBearer } from '../middleware/bearer.ts';
import type { AppBindings } from '../types.ts';
import { exposition, type Gauge } from './format.ts';

export function metricsRoutes() {
  return new Hono<AppBindings>().get('/metrics', requireBearer({ secret: (env) => env.METRICS_TOKEN, realm: 'metrics', disabled: 'metrics_disabled' }), async (c) => {
    const { deps } = c.var;
    const hosts = deps.llm.statuses();
    const queues = await backlogs(deps.db);
    const now = deps.now();
    const perHost = (value: (status: (typeof hosts)[number]) => number) => hosts.map((status) => ({ labels: { host: status.host }, value: value(status) }));
    const gauges: Gauge[] = [
      { name: 'aif_ollama_host_up', help: 'Whether the Ollama host answered its last probe (1) or not (0).', samples: perHost((s) => (s.ok ? 1 : 0)) },
      { name: 'aif_ollama_host_shut_out', help: 'Whether the host is shut out by its circuit breaker (1) after failing calls.', samples: perHost((s) => (s.breaker.state === 'open' ? 1 : 0)) },
      { name: 'aif_ollama_host_in_flight', help: 'Model calls running on the host.', samples: perHost((s) => s.inFlight) },
      { name: 'aif_lead_outbox_backlog', help: 'Lead events waiting for delivery to the webhook (pending or retrying).', samples: [{ value: queues.leadOutbox }] },
      { name: 'aif_mail_outbox_backlog', help: 'Staff replies waiting to be sent by e-mail.', samples: [{ value: queues.mailOutbox }] },
      { name: 'aif_escalations_waiting', help: 'Conversations waiting for a staff member.', samples: [{ value: queues.escalationsWaiting }] },
      {
        name: 'aif_escalation_oldest_wait_seconds',
        help: 'How long the longest-waiting escalated conversation has waited, in seconds (0 when none waits).',
        samples: [{ value: queues.oldestWaitingSince === null ? 0 : Math.max(0, Math.round((now - queues.oldestWaitingSince) / 1000)) }],
      },
    ];
    return c.body(exposition(gauges), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
  });
}
