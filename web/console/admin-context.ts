// What every admin page is given: the console's translate function and language, the admin API, the confirm dialog,
// the console's request guard (an ended session shows the sign-in form) and its status announcements.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import type { AdminApi } from './admin-api.ts';
import type { Me } from './api.ts';
import type { ConfirmRequest } from './confirm-dialog.ts';

export type AdminContext = {
  t: TFunction;
  lang: Lang;
  me: Me;
  api: AdminApi;
  ask: (request: ConfirmRequest) => Promise<string | null>;
  /** Runs a request; true when it succeeded. A refusal's localized message goes to `fail`. */
  guard: (run: () => Promise<unknown>, fail: (message: string) => void) => Promise<boolean>;
  announce: (text: string) => void;
};
