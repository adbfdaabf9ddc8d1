// The console's i18next instance over the bundled `console` strings of locales/ (`legal` for the links to the
// legal pages, `leads` for the lead form's option names): the same library and files as the server, built the way web/widget/i18n.ts builds the widget's
// (strings inside the bundle, no request for them).
import i18next, { type TFunction } from 'i18next';
import type { Lang, LANGS as SERVER_LANGS } from '../../agents/language/languages.ts';
import en from '../../locales/en/console.json' with { type: 'json' };
import fr from '../../locales/fr/console.json' with { type: 'json' };
import de from '../../locales/de/console.json' with { type: 'json' };
import lb from '../../locales/lb/console.json' with { type: 'json' };
import enLegal from '../../locales/en/legal.json' with { type: 'json' };
import frLegal from '../../locales/fr/legal.json' with { type: 'json' };
import deLegal from '../../locales/de/legal.json' with { type: 'json' };
import lbLegal from '../../locales/lb/legal.json' with { type: 'json' };
// The lead form's option names (organisation types, maturity, timelines, pillars), for the Leads page.
import enLeads from '../../locales/en/leads.json' with { type: 'json' };
import frLeads from '../../locales/fr/leads.json' with { type: 'json' };
import deLeads from '../../locales/de/leads.json' with { type: 'json' };
import lbLeads from '../../locales/lb/leads.json' with { type: 'json' };

// A copy typed as the server's tuple (importing it would bring zod into the bundle); it fails to compile if they differ.
export const LANGS: typeof SERVER_LANGS = ['en', 'fr', 'de', 'lb'];
export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

export function createConsoleI18n() {
  const instance = i18next.createInstance();
  instance.init({
    resources: {
      en: { console: en, legal: enLegal, leads: enLeads },
      fr: { console: fr, legal: frLegal, leads: frLeads },
      de: { console: de, legal: deLegal, leads: deLeads },
      lb: { console: lb, legal: lbLegal, leads: lbLeads },
    },
    lng: 'en',
    fallbackLng: 'en',
    ns: ['console', 'legal', 'leads'],
    defaultNS: 'console',
    // Strings only ever become text nodes, never markup.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnEmptyString: false,
  });
  return (lang: Lang): TFunction => instance.getFixedT(lang);
}

/** The browser's first language we speak; the shell's `lang` (chosen by the server from Accept-Language) otherwise. */
export function browserLang(fallback: string): Lang {
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return isLang(fallback) ? fallback : 'en';
}
