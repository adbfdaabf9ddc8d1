// The sentence that tells the teacher, in their language, what kinds of personal data were removed from the message.
import type { Translate } from '../../locales/index.ts';
import type { Found } from './spans.ts';

/** "I removed an e-mail address and a pupil's name before saving…"; empty when nothing was removed. */
export function redactionNotice(found: Found, t: Translate): string {
  const items = found.filter(({ count }) => count > 0).map(({ kind, count }) => t(`privacy:kinds.${kind}`, { count }));
  if (!items.length) return '';
  const last = items.pop()!;
  const list = items.length ? t('privacy:list.pair', { first: items.reduce((first, next) => t('privacy:list.join', { first, next })), last }) : last;
  return t('privacy:notice', { items: list });
}
