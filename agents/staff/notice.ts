// What a visitor is told on asking for a person: the place in the queue and the wait during office hours, or when
// staff are back outside them (Luxembourg time, the country's public holidays included).
import type { Db } from '../../db/client.ts';
import { recentFirstResponses } from '../../db/queries/handover.ts';
import type { Translate } from '../../locales/index.ts';
import type { Clock } from '../ports.ts';
import type { EscalatedAction } from '../chat/events.ts';
import { escalate, type Escalation, type EscalationTrigger, type HandoverPorts } from './handover.ts';
import { describeOpening, isOpen, nextOpening, type StaffHours } from './hours.ts';
import { estimateWait } from './wait.ts';

export type EscalationNotice = { text: string; open: boolean; position: number | null; waitMinutes: number | null; backAt: string | null };

export async function escalationNotice(ports: { db: Db; now: Clock; hours: StaffHours }, escalation: Escalation, t: Translate): Promise<EscalationNotice> {
  const now = new Date(ports.now());
  const open = isOpen(ports.hours, now);
  const base = { open, position: escalation.position, waitMinutes: null, backAt: null };
  if (escalation.status === 'staff') return { ...base, text: t('chat:handover.already_held') };
  if (!open) {
    const back = nextOpening(ports.hours, now);
    return { ...base, backAt: back.toISOString(), text: t('chat:handover.closed', { when: describeOpening(back, now, t) }) };
  }
  const position = escalation.position ?? 1;
  const waitMinutes = estimateWait(position, await recentFirstResponses(ports.db));
  const queued = t(escalation.already ? 'chat:handover.already_waiting' : 'chat:handover.queued', { position });
  return { ...base, waitMinutes, text: waitMinutes === null ? queued : `${queued} ${t('chat:handover.queued_wait', { count: waitMinutes })}` };
}

/** The versioned consent for a staff reply by e-mail, as the widget shows it. */
export const notifyConsent = (t: Translate) => ({ version: t('chat:notify.consent.version'), text: t('chat:notify.consent.text'), label: t('chat:notify.consent.label') });

/**
 * Escalates and says so: the text for the visitor and the action that puts the widget in its waiting state. Outside
 * office hours, when replies can go out by e-mail, the visitor is offered to leave an address (with consent).
 */
export async function handOverToStaff(ports: HandoverPorts & { hours: StaffHours; notifyByEmail?: boolean }, conversationId: string, trigger: EscalationTrigger, t: Translate): Promise<{ text: string; action: EscalatedAction }> {
  const escalation = await escalate(ports, conversationId, trigger);
  const notice = await escalationNotice(ports, escalation, t);
  const action: EscalatedAction = { type: 'escalated', status: escalation.status, position: notice.position, open: notice.open, waitMinutes: notice.waitMinutes, backAt: notice.backAt };
  if (!ports.notifyByEmail || notice.open || escalation.status !== 'escalated') return { text: notice.text, action };
  return { text: `${notice.text} ${t('chat:notify.offer')}`, action: { ...action, email: { consent: notifyConsent(t) } } };
}
