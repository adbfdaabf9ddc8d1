// The small adapters every use case may take: the clock, a log without personal data, and translations.
import type { Lang } from './language/languages.ts';
import type { Translate } from '../locales/index.ts';

export type Clock = () => number;

export type LogFields = Record<string, unknown>;
/** The log the app passes in (functions/logger.ts): it removes personal data before writing. */
export type Log = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
};

export type I18n = { forLang(lang: Lang): Translate };

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** How long a public conversation (and a lead qualification started in it) is kept. */
export const CONVERSATION_RETENTION_DAYS = 30;
