// How long each assistant keeps a conversation: the teachers' one a day, as its privacy notice promises.
import { CONVERSATION_RETENTION_DAYS, DAY_MS } from '../ports.ts';
import type { Assistant } from './ports.ts';

export const RETENTION_MS: Record<Assistant, number> = { public: CONVERSATION_RETENTION_DAYS * DAY_MS, education: DAY_MS };
