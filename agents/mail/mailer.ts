// The port through which staff replies leave by e-mail; the Node entry plugs in SMTP, workerd has none (null).
export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send(mail: Mail): Promise<void> };

/** What may be kept of a failed send: the SMTP reply code or the error code, never the server's text (it may quote the address). */
export function describeMailError(error: unknown): string {
  const { responseCode, code } = (typeof error === 'object' && error !== null ? error : {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return `smtp_${responseCode}`;
  if (typeof code === 'string' && /^[A-Za-z_]{1,40}$/.test(code)) return code;
  return 'send_failed';
}
