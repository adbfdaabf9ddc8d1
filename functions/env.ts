// The configuration: one zod schema over the environment, parsed once by each entry point and passed in.
import { StaffHoursSchema } from '../agents/staff/hours.ts';
import { parseLimits } from '../agents/security/rate-limit.ts';
import { parseTrustedProxies } from './client-address.ts';
import { z } from 'zod';

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const operatorText = (max: number) => z.string().trim().min(1).max(max, `at most ${max} characters`).optional();

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
    .default('file:data/assistant.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  OLLAMA_HOSTS: z
    .string()
    .default('http://127.0.0.1:11434')
    .transform(list)
    .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1)),
  OLLAMA_HOST_HEADERS: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON: {"<host>": {"<header>": "<value>"}}' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.record(z.string(), z.string()))),
  CHAT_MODEL: z.string().min(1).default('mistral-small3.2'),
  EMBED_MODEL: z.string().min(1).default('bge-m3'),
  LLM_MODE: z.enum(['auto', 'offline']).default('auto'),
  LEAD_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  LEAD_WEBHOOK_SECRET: z.string().min(16).optional(),
  // During a rotation of the webhook secret, the next one: deliveries then carry a signature made with each.
  LEAD_WEBHOOK_SECRET_NEXT: z.string().min(16).optional(),
  JOBS_TOKEN: z.string().min(16).optional(),
  // The bearer token of GET /metrics (Prometheus text for the operator's monitoring); unset, /metrics is off.
  METRICS_TOKEN: z.string().min(16).optional(),
  ALLOWED_ORIGINS: z.string().default('').transform(list).pipe(z.array(z.url())),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LEAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LEAD_QUALIFY_THRESHOLD: z.coerce.number().int().min(0).max(100).default(50),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  EDU_ACCESS: z.enum(['open', 'codes']).default('open'),
  // Kept as text (checked here, parsed once in deps.ts), so the configuration reads back as it was written.
  STAFF_HOURS: z
    .string()
    .default('mon-fri 09:00-17:00')
    .superRefine((value, ctx) => {
      const parsed = StaffHoursSchema.safeParse(value);
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'invalid' });
    }),
  // Where staff replies go out by e-mail to visitors who asked for it outside office hours (Node only).
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be smtp://user:password@host:port or smtps://…' }).optional(),
  SMTP_FROM: z.email({ error: 'must be an e-mail address' }).optional(),
  // The reverse proxies in front of the app: X-Forwarded-For is believed only from these (CIDRs or addresses).
  TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1/8,::1/128')
    .transform(list)
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        try {
          parseTrustedProxies([entry]);
        } catch {
          ctx.addIssue({ code: 'custom', message: `${entry} is not an address or CIDR (e.g. 10.0.0.0/8, fd00::/8)` });
        }
      }
    }),
  // Overrides of the rate limits (agents/security/rate-limit.ts), e.g. "chat=20/1m,chat.conversation=10/1m".
  RATE_LIMITS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseLimits(value ?? '');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof z.ZodError ? (error.issues[0]?.message ?? 'invalid') : 'invalid' });
      }
    }),
  // Who runs this assistant, named by the legal pages (privacy notice, imprint, accessibility statement). Unset, a
  // page shows a marked placeholder naming the variable, so a demonstration never passes for a real operator.
  OPERATOR_NAME: operatorText(200),
  OPERATOR_ADDRESS: operatorText(300),
  OPERATOR_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
  // The data protection officer's address; unset, requests go to OPERATOR_EMAIL.
  DPO_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
  PUBLICATION_DIRECTOR: operatorText(200),
  HOSTING_PROVIDER: operatorText(300),
}).superRefine((env, ctx) => {
  if (env.LEAD_WEBHOOK_SECRET_NEXT && !env.LEAD_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['LEAD_WEBHOOK_SECRET_NEXT'], message: 'needs LEAD_WEBHOOK_SECRET (the secret the receiver knows now); it only signs beside it during a rotation' });
  if (env.SMTP_URL && !env.SMTP_FROM) ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'required when SMTP_URL is set (the sender address of staff replies)' });
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses raw variables (process.env or workerd bindings); empty strings count as unset. */
export function parseEnv(raw: Record<string, unknown>): Env {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== '' && value !== undefined));
  const result = EnvSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
  throw new EnvError(`Invalid configuration:\n${problems}`);
}
