// What the browser keeps: the chosen language and, per assistant, the conversation's id and token; for this tab only,
// the teachers' access code. Nothing else.
import type { Lang } from '../../agents/language/languages.ts';
import type { Stored } from './api.ts';
import { isLang } from './i18n.ts';

const LANG_KEY = 'aif-assistant:lang';
const CODE_KEY = 'aif-assistant:access-code';
const conversationKey = (assistant: string) => `aif-assistant:conversation:${assistant}`;

// Storage can be disabled or full: the widget then works for this page view only.
const area = (session?: boolean) => (session ? sessionStorage : localStorage);
function read(key: string, session?: boolean): string | null {
  try {
    return area(session).getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string | null, session?: boolean): void {
  try {
    if (value === null) area(session).removeItem(key);
    else area(session).setItem(key, value);
  } catch {
    /* not kept */
  }
}

export const store = {
  lang: (): Lang | null => {
    const value = read(LANG_KEY);
    return isLang(value) ? value : null;
  },
  setLang: (lang: Lang) => write(LANG_KEY, lang),
  conversation(assistant: string): Stored | null {
    try {
      const value = JSON.parse(read(conversationKey(assistant)) ?? 'null') as Partial<Stored> | null;
      return value && typeof value.id === 'string' && typeof value.token === 'string' ? { id: value.id, token: value.token } : null;
    } catch {
      return null;
    }
  },
  setConversation: (assistant: string, stored: Stored | null) => write(conversationKey(assistant), stored && JSON.stringify({ id: stored.id, token: stored.token })),
  /** The school's or class's code (EDU_ACCESS=codes), in sessionStorage: gone when the tab closes. */
  accessCode: () => read(CODE_KEY, true),
  setAccessCode: (code: string | null) => write(CODE_KEY, code, true),
};
