// Canned replies: texts admins prepare per language, which staff insert into a reply and adapt before sending.
// Admins create, change and delete them (each change audited with the admin's e-mail); every staff member reads them.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { deleteCannedReply, insertCannedReply, updateCannedReply, type CannedReply } from '../../db/queries/canned-replies.ts';
import { DomainError } from '../errors.ts';
import { LANGS, type Lang } from '../language/languages.ts';
import type { Clock } from '../ports.ts';

export const MAX_CANNED_TITLE = 120;
/** The same limit as a staff reply: a canned reply must fit the reply box it is inserted into. */
export const MAX_CANNED_TEXT = 4000;

export const CannedReplyInputSchema = z.object({
  lang: z.enum(LANGS, { error: 'lang_unsupported' }),
  title: z.string({ error: 'canned_title_invalid' }).trim().min(1, { error: 'canned_title_invalid' }).max(MAX_CANNED_TITLE, { error: 'canned_title_invalid' }),
  text: z.string({ error: 'message_missing' }).trim().min(1, { error: 'message_missing' }).max(MAX_CANNED_TEXT, { error: 'message_too_long' }),
});
export type CannedReplyInput = z.output<typeof CannedReplyInputSchema>;

export type CannedPorts = { db: Db; now: Clock };
type Admin = { email: string };

const audit = (actor: Admin, action: string, id: string, at: number, lang: Lang) => ({ at, actor: actor.email, action, subjectType: 'canned_reply', subjectId: id, details: { lang } });

export async function createCannedReply({ db, now }: CannedPorts, input: CannedReplyInput, actor: Admin): Promise<CannedReply> {
  const at = now();
  const reply: CannedReply = { id: crypto.randomUUID(), ...input, createdAt: at, updatedAt: at };
  await insertCannedReply(db, reply, audit(actor, 'canned_reply.created', reply.id, at, input.lang));
  return reply;
}

export async function changeCannedReply({ db, now }: CannedPorts, id: string, input: CannedReplyInput, actor: Admin): Promise<void> {
  const at = now();
  if (!(await updateCannedReply(db, id, input, at, audit(actor, 'canned_reply.updated', id, at, input.lang)))) throw new DomainError('canned_reply_not_found');
}

export async function removeCannedReply({ db, now }: CannedPorts, id: string, actor: Admin): Promise<void> {
  const at = now();
  const entry = { at, actor: actor.email, action: 'canned_reply.deleted', subjectType: 'canned_reply', subjectId: id, details: {} };
  if (!(await deleteCannedReply(db, id, entry))) throw new DomainError('canned_reply_not_found');
}
