// Staff accounts: create or update one (the password hashed with argon2id), deactivate one (its sessions end at
// once), list them without hashes. Every change leaves an audit row naming who made it.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { findStaffByEmail, insertStaff, listStaff, updateStaff, type StaffAccountRow, type StaffUser } from '../../db/queries/staff.ts';
import { insertAudit } from '../../db/queries/leads.ts';
import { DomainError } from '../errors.ts';
import type { Lang } from '../language/languages.ts';
import { LangSchema } from '../language/languages.ts';
import type { Clock } from '../ports.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from '../security/passwords.ts';

export const ROLES = ['reviewer', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who is signed in, as handlers see it (`c.var.staff`). */
export type StaffMember = { id: string; email: string; name: string; role: Role; lang: Lang };

export type StaffPorts = { db: Db; now: Clock };

/** E-mail addresses are compared lower-cased and trimmed: one account per address however it is typed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const AccountInputSchema = z.object({
  email: z.email().max(254).transform(normaliseEmail),
  name: z.string().trim().min(1).max(120),
  role: RoleSchema,
  lang: LangSchema.optional(),
});
export type AccountInput = z.input<typeof AccountInputSchema>;

/** The argon2id hash of a new password, after checking its length as people count it. */
export async function hashNewPassword(password: string): Promise<string> {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) throw new DomainError('password_too_short', { min: MIN_PASSWORD_LENGTH });
  if (length > MAX_PASSWORD_LENGTH) throw new DomainError('password_too_long', { max: MAX_PASSWORD_LENGTH });
  return hashPassword(password);
}

export const memberOf = (user: StaffUser): StaffMember => ({ id: user.id, email: user.email, name: user.name, role: user.role, lang: user.lang });

/**
 * Creates the account, or updates the one with this address (name, role, language, a new password; reactivated).
 * A new password ends the sessions opened with the old one.
 */
export async function saveAccount({ db, now }: StaffPorts, input: AccountInput, password: string, actor: string): Promise<{ account: StaffMember; created: boolean; sessionsRevoked: number }> {
  const fields = AccountInputSchema.parse(input);
  const passwordHash = await hashNewPassword(password);
  const at = now();
  const existing = await findStaffByEmail(db, fields.email);
  if (!existing) {
    const user: StaffUser = { id: crypto.randomUUID(), email: fields.email, name: fields.name, role: fields.role, lang: fields.lang ?? 'en', passwordHash, active: true, createdAt: at, updatedAt: at };
    await insertStaff(db, user);
    await insertAudit(db, { at, actor, action: 'staff.account_created', subjectType: 'staff_user', subjectId: user.id, details: { role: user.role } });
    return { account: memberOf(user), created: true, sessionsRevoked: 0 };
  }
  const patch = { name: fields.name, role: fields.role, lang: fields.lang ?? existing.lang, passwordHash, active: true, updatedAt: at };
  const sessionsRevoked = await updateStaff(db, existing.id, patch, at);
  await insertAudit(db, { at, actor, action: 'staff.account_updated', subjectType: 'staff_user', subjectId: existing.id, details: { role: patch.role, fromRole: existing.role, reactivated: !existing.active, sessionsRevoked } });
  return { account: memberOf({ ...existing, ...patch }), created: false, sessionsRevoked };
}

/** Deactivates the account with this address and revokes all its sessions in the same batch. */
export async function deactivateAccount({ db, now }: StaffPorts, email: string, actor: string): Promise<{ account: StaffMember; sessionsRevoked: number }> {
  const user = await findStaffByEmail(db, normaliseEmail(email));
  if (!user) throw new DomainError('account_not_found');
  const at = now();
  const sessionsRevoked = await updateStaff(db, user.id, { active: false, updatedAt: at }, at);
  await insertAudit(db, { at, actor, action: 'staff.account_deactivated', subjectType: 'staff_user', subjectId: user.id, details: { sessionsRevoked } });
  return { account: memberOf(user), sessionsRevoked };
}

export type StaffAccount = Omit<StaffAccountRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** An account as admins see it: no password hash, times as ISO strings. */
export function accountOf({ passwordHash: _omitted, ...row }: StaffAccountRow & { passwordHash?: string }): StaffAccount {
  return { ...row, createdAt: new Date(row.createdAt).toISOString(), updatedAt: new Date(row.updatedAt).toISOString() };
}

/** Every account, for admins: no password hashes. */
export async function listAccounts({ db }: Pick<StaffPorts, 'db'>): Promise<StaffAccount[]> {
  return (await listStaff(db)).map(accountOf);
}
