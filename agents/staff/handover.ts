// The handover between the assistant and a person: escalate (visitor), claim, reply, hand back and resolve (staff).
// Each step changes the status only from the states it allows, with its events and audit row in the same write.
import { findConversation, type Conversation } from '../../db/queries/conversations.ts';
import { applyHandover, waitingBefore } from '../../db/queries/handover.ts';
import { findActiveMember } from '../../db/queries/members.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../errors.ts';
import { atWork } from './sessions.ts';
import type { Clock, I18n } from '../ports.ts';

export type HandoverPorts = { db: Db; now: Clock; i18n: I18n };
/** The staff member acting; audit rows name them by e-mail, visitors see only the first name. */
export type StaffActor = { id: string; email: string; name: string };
export type EscalationTrigger = 'message' | 'tool' | 'button';

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
const audit = (actor: StaffActor, action: string, conversationId: string, at: number, details: Record<string, unknown> = {}) => ({
  at,
  actor: actor.email,
  action,
  subjectType: 'conversation',
  subjectId: conversationId,
  details,
});

async function existing(db: Db, conversationId: string): Promise<Conversation> {
  const conversation = await findConversation(db, conversationId);
  if (!conversation) throw new DomainError('conversation_not_found');
  return conversation;
}

export type Escalation = { status: 'escalated' | 'staff'; position: number | null; waitingSince: number | null; already: boolean };

/** The visitor asks for a person: the conversation waits in the queue; asking again changes nothing. */
export async function escalate(ports: HandoverPorts, conversationId: string, trigger: EscalationTrigger): Promise<Escalation> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const conversation = await existing(ports.db, conversationId);
    if (conversation.status === 'escalated' || conversation.status === 'staff') {
      const position = conversation.status === 'escalated' && conversation.waitingSince !== null ? await waitingBefore(ports.db, conversation.waitingSince) : null;
      return { status: conversation.status, position, waitingSince: conversation.waitingSince, already: true };
    }
    const at = ports.now();
    const position = (await waitingBefore(ports.db, at)) + 1;
    const landed = await applyHandover(ports.db, conversationId, {
      from: ['bot', 'resolved'],
      set: { status: 'escalated', escalatedAt: at, waitingSince: at, assigneeId: null, assigneeName: null, firstStaffReplyAt: null, resolvedAt: null, resolutionNote: null },
      events: [{ type: 'status', data: { status: 'escalated', position, trigger } }],
      at,
    });
    if (landed) return { status: 'escalated', position, waitingSince: at, already: false };
  }
  throw new DomainError('unavailable');
}

/**
 * A staff member takes the conversation: the bot falls silent and the visitor learns who joined. One held by a colleague
 * who is no longer at work (signed out, idle past the session's limit, deactivated) is taken over: otherwise nobody
 * could ever answer, hand back or resolve it again.
 */
export async function claim(ports: HandoverPorts, conversationId: string, actor: StaffActor): Promise<void> {
  const conversation = await existing(ports.db, conversationId);
  if (conversation.status === 'staff' && conversation.assigneeId === actor.id) return;
  const at = ports.now();
  if (conversation.status === 'staff') {
    if (conversation.assigneeId && (await atWork(ports.db, conversation.assigneeId, at))) throw new DomainError('conversation_held', { name: conversation.assigneeName ?? '' });
    const taken = await applyHandover(ports.db, conversationId, {
      from: ['staff'],
      ...(conversation.assigneeId ? { heldBy: conversation.assigneeId } : {}),
      set: { assigneeId: actor.id, assigneeName: actor.name },
      events: [{ type: 'staff_joined', data: { name: firstName(actor.name) } }],
      audit: audit(actor, 'conversation.taken_over', conversationId, at, { from: conversation.assigneeId }),
      at,
    });
    if (!taken) throw new DomainError('conversation_changed');
    return;
  }
  const landed = await applyHandover(ports.db, conversationId, {
    from: ['escalated', 'bot'],
    set: { status: 'staff', assigneeId: actor.id, assigneeName: actor.name, waitingSince: null, escalatedAt: conversation.escalatedAt ?? at },
    ...(conversation.waitingSince !== null ? { leavesQueue: conversation.waitingSince } : {}),
    events: [
      { type: 'staff_joined', data: { name: firstName(actor.name) } },
      { type: 'status', data: { status: 'staff' } },
    ],
    audit: audit(actor, 'conversation.claimed', conversationId, at, { from: conversation.status }),
    at,
  });
  if (!landed) throw new DomainError('conversation_changed');
}

/** Why only the holder may act and this member may not: the conversation is closed, not taken over, or held by another. */
const notHeld = (conversation: Conversation) =>
  conversation.status === 'resolved' ? 'conversation_resolved' : conversation.status !== 'staff' ? 'conversation_not_claimed' : 'conversation_not_held';

/** A staff reply, shown live to the visitor with the staff member's first name. Only the holder replies. */
export async function reply(ports: HandoverPorts, conversationId: string, actor: StaffActor, text: string): Promise<{ messageId: string }> {
  const conversation = await existing(ports.db, conversationId);
  if (conversation.status !== 'staff' || conversation.assigneeId !== actor.id) throw new DomainError(notHeld(conversation));
  const at = ports.now();
  const messageId = crypto.randomUUID();
  const mail = conversation.notifyEmail ? { ...replyMail(ports, conversation, firstName(actor.name), text), id: crypto.randomUUID(), conversationId, recipient: conversation.notifyEmail, createdAt: at } : undefined;
  const landed = await applyHandover(ports.db, conversationId, {
    from: ['staff'],
    heldBy: actor.id,
    set: { firstStaffReplyAt: conversation.firstStaffReplyAt ?? at },
    // The visitor left an address outside office hours: the reply also goes out by e-mail (job send-mail).
    ...(mail ? { mail } : {}),
    message: { id: messageId, conversationId, role: 'staff', content: text, author: firstName(actor.name), lang: conversation.lang, state: 'complete', createdAt: at },
    events: [{ type: 'staff_message', data: { messageId, text, name: firstName(actor.name) } }],
    // The audit row says that a reply was sent, not what it said.
    audit: audit(actor, 'conversation.replied', conversationId, at, { messageId, characters: text.length }),
    at,
  });
  if (!landed) throw new DomainError('conversation_not_held');
  return { messageId };
}

/** A staff reply as an e-mail in the conversation's language: who answered, the answer, and what it answers. */
function replyMail(ports: HandoverPorts, conversation: Conversation, name: string, text: string): { subject: string; body: string } {
  const t = ports.i18n.forLang(conversation.lang);
  return {
    subject: t('chat:notify.mail.subject', { name }),
    body: [t('chat:notify.mail.intro', { name }), '', text, '', t('chat:notify.mail.footer')].join('\n'),
  };
}

/** The visitor leaves an address, with consent, for staff replies by e-mail; only while they wait for or talk with staff. */
export async function leaveNotifyAddress(ports: HandoverPorts, conversationId: string, email: string, consentVersion: string): Promise<void> {
  const landed = await applyHandover(ports.db, conversationId, {
    from: ['escalated', 'staff'],
    set: { notifyEmail: email, notifyConsentVersion: consentVersion },
    events: [],
    at: ports.now(),
  });
  if (!landed) {
    await existing(ports.db, conversationId);
    throw new DomainError('conversation_not_waiting');
  }
}

/**
 * The holder passes the conversation to another active colleague, who holds it from then on. The visitor is told who
 * joined (the same `staff_joined` event as a claim), so the name beside the next reply is not a surprise.
 */
export async function transfer(ports: HandoverPorts, conversationId: string, actor: StaffActor, toStaffId: string): Promise<{ id: string; name: string }> {
  const conversation = await existing(ports.db, conversationId);
  if (conversation.status !== 'staff' || conversation.assigneeId !== actor.id) throw new DomainError(notHeld(conversation));
  const target = toStaffId === actor.id ? undefined : await findActiveMember(ports.db, toStaffId);
  if (!target) throw new DomainError('transfer_target_invalid');
  const at = ports.now();
  const landed = await applyHandover(ports.db, conversationId, {
    from: ['staff'],
    heldBy: actor.id,
    set: { assigneeId: target.id, assigneeName: target.name },
    events: [{ type: 'staff_joined', data: { name: firstName(target.name) } }],
    audit: audit(actor, 'conversation.transferred', conversationId, at, { to: target.id }),
    at,
  });
  if (!landed) throw new DomainError('conversation_not_held');
  return target;
}

/** The holder hands the conversation back to the assistant; the visitor is told, in their language. */
export async function release(ports: HandoverPorts, conversationId: string, actor: StaffActor): Promise<void> {
  const conversation = await existing(ports.db, conversationId);
  if (conversation.status !== 'staff' || conversation.assigneeId !== actor.id) throw new DomainError(notHeld(conversation));
  const at = ports.now();
  const notice = ports.i18n.forLang(conversation.lang)('chat:handover.released');
  const landed = await applyHandover(ports.db, conversationId, {
    from: ['staff'],
    heldBy: actor.id,
    set: { status: 'bot', assigneeId: null, assigneeName: null, waitingSince: null },
    message: { id: crypto.randomUUID(), conversationId, role: 'system', content: notice, lang: conversation.lang, state: 'complete', createdAt: at },
    events: [
      { type: 'staff_left', data: {} },
      { type: 'status', data: { status: 'bot', notice } },
    ],
    audit: audit(actor, 'conversation.released', conversationId, at),
    at,
  });
  if (!landed) throw new DomainError('conversation_not_held');
}

/** Staff close the conversation (the holder, or anyone while it still waits); the note stays with staff. */
export async function resolve(ports: HandoverPorts, conversationId: string, actor: StaffActor, note: string | null): Promise<void> {
  const conversation = await existing(ports.db, conversationId);
  if (conversation.status === 'staff' && conversation.assigneeId !== actor.id) throw new DomainError('conversation_held', { name: conversation.assigneeName ?? '' });
  if (conversation.status === 'resolved') return;
  const at = ports.now();
  const notice = ports.i18n.forLang(conversation.lang)('chat:handover.resolved');
  const held = conversation.status === 'staff';
  const landed = await applyHandover(ports.db, conversationId, {
    from: held ? ['staff'] : ['escalated', 'bot'],
    ...(held ? { heldBy: actor.id } : {}),
    set: { status: 'resolved', resolvedAt: at, resolutionNote: note, waitingSince: null, assigneeId: null, assigneeName: null, notifyEmail: null, notifyConsentVersion: null },
    ...(conversation.status === 'escalated' && conversation.waitingSince !== null ? { leavesQueue: conversation.waitingSince } : {}),
    message: { id: crypto.randomUUID(), conversationId, role: 'system', content: notice, lang: conversation.lang, state: 'complete', createdAt: at },
    events: [...(held ? [{ type: 'staff_left', data: {} }] : []), { type: 'status', data: { status: 'resolved', notice } }],
    audit: audit(actor, 'conversation.resolved', conversationId, at, { from: conversation.status, note: note !== null }),
    at,
  });
  if (!landed) throw new DomainError('conversation_changed');
}
