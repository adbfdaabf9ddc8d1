// Staff accounts in the console (admins): GET /api/staff/accounts lists them (no password hashes); POST creates one;
// POST …/:id/deactivate (its sessions end at once), …/reactivate, …/password (a new one; its sessions end) and
// …/role change one. Audited with the signed-in admin's e-mail.
import { Hono } from 'hono';
import { z } from 'zod';
import { changeRole, createAccount, deactivateAccountById, reactivateAccount, resetPassword } from '../../agents/staff/account-admin.ts';
import { listAccounts, normaliseEmail, ROLES } from '../../agents/staff/accounts.ts';
import { LANGS } from '../../agents/language/languages.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../agents/security/passwords.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff, staffOf } from './auth.ts';

// The exact length rule (characters as people count them) is the domain's; this bound only keeps bodies sane.
const PasswordField = z.string({ error: 'password_too_short' }).max(MAX_PASSWORD_LENGTH * 4, { error: 'password_too_long' });
const RoleField = z.enum(ROLES, { error: 'role_invalid' });
const CreateSchema = z.object(
  {
    email: z.string({ error: 'email_invalid' }).transform(normaliseEmail).pipe(z.email({ error: 'email_invalid' }).max(254, { error: 'email_invalid' })),
    name: z.string({ error: 'name_missing' }).trim().min(1, { error: 'name_missing' }).max(120, { error: 'name_too_long' }),
    role: RoleField,
    lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional(),
    password: PasswordField,
  },
  { error: 'bad_request' },
);
const PasswordSchema = z.object({ password: PasswordField }, { error: 'password_too_short' });
const RoleSchema = z.object({ role: RoleField }, { error: 'role_invalid' });
const LIMITS = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };

export function staffAccountRoutes() {
  return new Hono<AppBindings>()
    .use('/api/staff/accounts', requireStaff({ role: 'admin' }))
    .use('/api/staff/accounts/*', requireStaff({ role: 'admin' }))
    .get('/api/staff/accounts', async (c) => c.json({ accounts: await listAccounts({ db: c.var.deps.db }) }))
    .post('/api/staff/accounts', jsonBody(), validate('json', CreateSchema, LIMITS), async (c) => {
      const { password, ...input } = c.req.valid('json');
      const account = await createAccount(c.var.deps, input, password, staffOf(c));
      c.var.log.info('staff account created', { staffId: account.id, by: staffOf(c).id });
      return c.json({ account }, 201);
    })
    .post('/api/staff/accounts/:id/deactivate', async (c) => {
      const change = await deactivateAccountById(c.var.deps, c.req.param('id'), staffOf(c));
      c.var.log.info('staff account deactivated', { staffId: change.account.id, by: staffOf(c).id, sessionsRevoked: change.sessionsRevoked });
      return c.json(change);
    })
    .post('/api/staff/accounts/:id/reactivate', async (c) => c.json(await reactivateAccount(c.var.deps, c.req.param('id'), staffOf(c))))
    .post('/api/staff/accounts/:id/password', jsonBody(), validate('json', PasswordSchema, LIMITS), async (c) => {
      const change = await resetPassword(c.var.deps, c.req.param('id'), c.req.valid('json').password, staffOf(c));
      return c.json(change);
    })
    .post('/api/staff/accounts/:id/role', jsonBody(), validate('json', RoleSchema), async (c) => c.json(await changeRole(c.var.deps, c.req.param('id'), c.req.valid('json').role, staffOf(c))));
}
