// How long visitors waited for a person: each escalation paired with the first staff reply after it, read from a
// conversation's events (a `status` event with status `escalated`, then `staff_message`). Pure.

/** The fields of an `events` row this needs; `data.status` only matters on `status` events. */
export type HandoverEvent = { conversationId: string; type: string; status?: unknown; createdAt: number };

/**
 * One escalation: when the visitor asked for a person and when staff first answered — null while nobody has, or when
 * the conversation went back to the assistant or was resolved without a staff reply.
 */
export type FirstResponse = { conversationId: string; escalatedAt: number; repliedAt: number | null };

/**
 * Every escalation in `events` with its first staff reply. `events` come in the order they were written (by id; one
 * clock millisecond may hold several), several conversations mixed or not.
 */
export function firstResponses(events: readonly HandoverEvent[]): FirstResponse[] {
  const open = new Map<string, FirstResponse>();
  const found: FirstResponse[] = [];
  for (const event of events) {
    const waiting = open.get(event.conversationId);
    if (event.type === 'status' && event.status === 'escalated') {
      if (waiting) continue; // asking again while waiting changes nothing (agents/staff/handover.ts: escalate)
      const escalation = { conversationId: event.conversationId, escalatedAt: event.createdAt, repliedAt: null };
      open.set(event.conversationId, escalation);
      found.push(escalation);
    } else if (waiting && event.type === 'staff_message') {
      waiting.repliedAt = event.createdAt;
      open.delete(event.conversationId);
    } else if (waiting && event.type === 'status' && (event.status === 'bot' || event.status === 'resolved')) {
      open.delete(event.conversationId);
    }
  }
  return found;
}
