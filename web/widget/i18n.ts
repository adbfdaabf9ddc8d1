// One i18next instance per widget over the bundled resources: the same library and strings as the server.
import i18next, { type TFunction } from 'i18next';
import type { Lang, LANGS as SERVER_LANGS } from '../../agents/language/languages.ts';
import { widgetResources } from './resources.ts';

// A copy, not an import: the server's module builds a zod enum when loaded, which would bring zod into the bundle.
// Typed as the server's own tuple, so the copy fails to compile unless it has the same languages in the same order.
export const LANGS: typeof SERVER_LANGS = ['en', 'fr', 'de', 'lb'];
export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

export function createWidgetI18n() {
  const instance = i18next.createInstance();
  instance.init({
    resources: widgetResources,
    lng: 'en',
    fallbackLng: 'en',
    ns: ['widget', 'chat'],
    defaultNS: 'widget',
    // Strings only ever become text nodes, never markup.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnEmptyString: false,
  });
  return (lang: Lang): TFunction => instance.getFixedT(lang);
}
