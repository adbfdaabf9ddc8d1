// The send-mail job: sends due outbox mails through the mailer, retries with backoff, and keeps no copy once sent.
import type { Db } from '../../db/client.ts';
import { claimMail, dueMail, markMailFailed, markMailSent } from '../../db/queries/mail.ts';
import type { Clock, Log } from '../ports.ts';
import { describeMailError, type Mailer } from './mailer.ts';

export type SendMailPorts = { db: Db; now: Clock; log: Log; mailer: Mailer | null };
export type SendMailOptions = { batch?: number; maxAttempts?: number; claimMs?: number; deadlineMs?: number };

const MINUTE = 60_000;
/** The wait before attempt n+1: 1, 5, 15, 60 minutes, then given up (at the fifth failure by default). */
const BACKOFF_MS = [1, 5, 15, 60].map((minutes) => minutes * MINUTE);

export type SendMailResult = { status: 'waiting'; reason: 'no_mailer' } | { sent: number; retrying: number; failed: number };

export async function sendDueMail(ports: SendMailPorts, options: SendMailOptions = {}): Promise<SendMailResult> {
  const { db, now, log, mailer } = ports;
  if (!mailer) return { status: 'waiting', reason: 'no_mailer' };
  const { batch = 50, maxAttempts = 5, claimMs = 5 * MINUTE, deadlineMs = MINUTE } = options;
  const stopAt = now() + deadlineMs;
  const counts = { sent: 0, retrying: 0, failed: 0 };
  for (const mail of await dueMail(db, now(), batch)) {
    // No new send after the deadline, so a run ends well within its lease; the rest waits for the next run.
    if (now() > stopAt) break;
    // Another run may have taken it since the select; the claim also keeps a crashed send from repeating at once.
    if (!(await claimMail(db, mail, now(), now() + claimMs))) continue;
    if (!mail.recipient || mail.body === null) {
      await markMailFailed(db, mail.id, mail.attempts, null, 'incomplete');
      counts.failed++;
      continue;
    }
    try {
      await mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
      await markMailSent(db, mail.id, now());
      counts.sent++;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const reason = describeMailError(error);
      const retryAt = attempts < maxAttempts ? now() + BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]! : null;
      await markMailFailed(db, mail.id, attempts, retryAt, reason);
      log.warn('mail not sent', { mailId: mail.id, attempts, error: reason, retrying: retryAt !== null });
      if (retryAt === null) counts.failed++;
      else counts.retrying++;
    }
  }
  if (counts.sent + counts.retrying + counts.failed > 0) log.info('mail sent', counts);
  return counts;
}
