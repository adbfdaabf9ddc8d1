// The Node mailer: nodemailer over SMTP_URL, sending as SMTP_FROM. Only the Node entry imports it (workerd sends no mail).
import { createTransport } from 'nodemailer';
import type { Mailer } from '../../agents/mail/mailer.ts';
import type { Env } from '../env.ts';

export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  // Short timeouts (nodemailer waits minutes by default): a failed send is retried by the next run.
  const transport = createTransport({ url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from: options.from, to, subject, text });
    },
  };
}

/** The mailer the configuration asks for, or null without SMTP_URL. */
export function mailerFromEnv(env: Env): Mailer | null {
  return env.SMTP_URL && env.SMTP_FROM ? createSmtpMailer({ url: env.SMTP_URL, from: env.SMTP_FROM }) : null;
}
