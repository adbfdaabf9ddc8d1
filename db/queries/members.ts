// Active staff members as colleagues see them (db first): id and name only, never an e-mail address or a role.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { staffUsers } from '../schema/staff.ts';

export type Colleague = { id: string; name: string };

export async function listActiveMembers(db: Db): Promise<Colleague[]> {
  return db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name), asc(staffUsers.id)).all();
}

export async function findActiveMember(db: Db, id: string): Promise<Colleague | undefined> {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, id), eq(staffUsers.active, true)))
    .get();
}
