// Private notes staff leave on a conversation for each other: any staff member may add one; the visitor never sees
// them (they live in their own table, which no visitor-facing read touches). The audit row says a note was added.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { insertNote, type StaffNote } from '../../db/queries/notes.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { StaffActor } from './handover.ts';

export const MAX_NOTE_LENGTH = 2000;
export const NoteInputSchema = z.object({
  text: z.string({ error: 'message_missing' }).trim().min(1, { error: 'message_missing' }).max(MAX_NOTE_LENGTH, { error: 'message_too_long' }),
});

export type NotePorts = { db: Db; now: Clock };

export async function addNote({ db, now }: NotePorts, conversationId: string, actor: StaffActor, text: string): Promise<StaffNote> {
  const at = now();
  const note: StaffNote = { id: crypto.randomUUID(), conversationId, authorId: actor.id, authorName: actor.name, text, createdAt: at };
  // Like a reply, the audit row records that a note was written and its length, never its words.
  const audit = { at, actor: actor.email, action: 'conversation.note_added', subjectType: 'conversation', subjectId: conversationId, details: { noteId: note.id, characters: text.length } };
  if (!(await insertNote(db, note, audit))) throw new DomainError('conversation_not_found');
  return note;
}

/**
 * The transcript with the notes in it: both in time order, a note after the messages of the same millisecond (it is
 * written about what is already there). Each list must already be in its own order.
 */
export function interleaveNotes<M extends { createdAt: number }, N extends { createdAt: number }>(messages: readonly M[], notes: readonly N[]): (M | N)[] {
  const merged: (M | N)[] = [];
  let n = 0;
  for (const message of messages) {
    while (n < notes.length && notes[n]!.createdAt < message.createdAt) merged.push(notes[n++]!);
    merged.push(message);
  }
  return merged.concat(notes.slice(n));
}
