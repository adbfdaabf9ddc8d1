// Admins manage staff accounts in the console: create one, deactivate it (its sessions end in the same write),
// reactivate it, set a new password (its sessions end), change its role. An admin never deactivates or demotes
// themselves, and the last active admin stays one. Every change is audited with the admin's e-mail.
import type { AuditEntry } from '../../db/queries/leads.ts';
import { changeStaff, findStaffByEmail, findStaffById, insertStaff, type StaffUser } from '../../db/queries/staff.ts';
import { DomainError } from '../errors.ts';
import { accountOf, AccountInputSchema, hashNewPassword, type AccountInput, type Role, type StaffAccount, type StaffMember, type StaffPorts } from './accounts.ts';

export type AccountChange = { account: StaffAccount; changed: boolean; sessionsRevoked: number };

const audit = (actor: StaffMember, action: string, subjectId: string, at: number, details: Record<string, unknown> = {}): AuditEntry => ({ at, actor: actor.email, action, subjectType: 'staff_user', subjectId, details });

async function accountFor(ports: StaffPorts, id: string): Promise<StaffUser> {
  const user = await findStaffById(ports.db, id);
  if (!user) throw new DomainError('account_not_found');
  return user;
}

const unchanged = (user: StaffUser): AccountChange => ({ account: accountOf(user), changed: false, sessionsRevoked: 0 });

/** After a guarded change that did not land: the account is gone, or it is the last active admin. */
async function refused(ports: StaffPorts, id: string): Promise<never> {
  await accountFor(ports, id);
  throw new DomainError('last_admin');
}

export async function createAccount(ports: StaffPorts, input: AccountInput, password: string, actor: StaffMember): Promise<StaffAccount> {
  const fields = AccountInputSchema.parse(input);
  if (await findStaffByEmail(ports.db, fields.email)) throw new DomainError('account_exists');
  const passwordHash = await hashNewPassword(password);
  const at = ports.now();
  const user: StaffUser = { id: crypto.randomUUID(), email: fields.email, name: fields.name, role: fields.role, lang: fields.lang ?? 'en', passwordHash, active: true, createdAt: at, updatedAt: at };
  try {
    await insertStaff(ports.db, user, audit(actor, 'staff.account_created', user.id, at, { role: user.role }));
  } catch (error) {
    // Another admin created the same address a moment ago: the unique index refused this one.
    if (await findStaffByEmail(ports.db, fields.email)) throw new DomainError('account_exists');
    throw error;
  }
  return accountOf(user);
}

/** Deactivates an account and ends its sessions at once; the next request with one of its cookies is a 401. */
export async function deactivateAccountById(ports: StaffPorts, id: string, actor: StaffMember): Promise<AccountChange> {
  if (id === actor.id) throw new DomainError('own_account');
  const user = await accountFor(ports, id);
  if (!user.active) return unchanged(user);
  const at = ports.now();
  const result = await changeStaff(ports.db, id, { patch: { active: false, updatedAt: at }, keepAnAdmin: true, revokeSessionsAt: at }, audit(actor, 'staff.account_deactivated', id, at, { role: user.role }));
  if (!result.landed) return refused(ports, id);
  return { account: accountOf({ ...user, active: false, updatedAt: at }), changed: true, sessionsRevoked: result.sessionsRevoked };
}

export async function reactivateAccount(ports: StaffPorts, id: string, actor: StaffMember): Promise<AccountChange> {
  const user = await accountFor(ports, id);
  if (user.active) return unchanged(user);
  const at = ports.now();
  const result = await changeStaff(ports.db, id, { patch: { active: true, updatedAt: at } }, audit(actor, 'staff.account_reactivated', id, at, { role: user.role }));
  if (!result.landed) await accountFor(ports, id);
  return { account: accountOf({ ...user, active: true, updatedAt: at }), changed: true, sessionsRevoked: 0 };
}

/** Sets the password the admin chose and ends every session of the account (the admin's own too, for their account). */
export async function resetPassword(ports: StaffPorts, id: string, password: string, actor: StaffMember): Promise<AccountChange> {
  const user = await accountFor(ports, id);
  const passwordHash = await hashNewPassword(password);
  const at = ports.now();
  const result = await changeStaff(ports.db, id, { patch: { passwordHash, updatedAt: at }, revokeSessionsAt: at }, audit(actor, 'staff.password_reset', id, at, { own: id === actor.id }));
  if (!result.landed) await accountFor(ports, id);
  return { account: accountOf({ ...user, updatedAt: at }), changed: true, sessionsRevoked: result.sessionsRevoked };
}

/** A new role takes effect at the account's next request: sessions read the role from the account each time. */
export async function changeRole(ports: StaffPorts, id: string, role: Role, actor: StaffMember): Promise<AccountChange> {
  if (id === actor.id) throw new DomainError('own_account');
  const user = await accountFor(ports, id);
  if (user.role === role) return unchanged(user);
  const at = ports.now();
  const result = await changeStaff(ports.db, id, { patch: { role, updatedAt: at }, keepAnAdmin: role !== 'admin' }, audit(actor, 'staff.role_changed', id, at, { from: user.role, to: role }));
  if (!result.landed) return refused(ports, id);
  return { account: accountOf({ ...user, role, updatedAt: at }), changed: true, sessionsRevoked: 0 };
}
