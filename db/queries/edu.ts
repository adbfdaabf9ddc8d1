// Teachers' access codes (db first): made, looked up by hash, listed and revoked.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { eduAccessCodes } from '../schema/edu.ts';

export type EduAccessCode = typeof eduAccessCodes.$inferSelect;

export async function insertAccessCode(db: Db, code: EduAccessCode) {
  await db.insert(eduAccessCodes).values(code);
}

export async function findAccessCode(db: Db, codeHash: string): Promise<EduAccessCode | undefined> {
  return db.select().from(eduAccessCodes).where(eq(eduAccessCodes.codeHash, codeHash)).get();
}

export async function listAccessCodes(db: Db): Promise<EduAccessCode[]> {
  return db.select().from(eduAccessCodes).orderBy(desc(eduAccessCodes.createdAt)).all();
}

export async function revokeAccessCode(db: Db, id: string, at: number): Promise<boolean> {
  const result = await db.update(eduAccessCodes).set({ revokedAt: at }).where(eq(eduAccessCodes.id, id));
  return result.rowsAffected === 1;
}
