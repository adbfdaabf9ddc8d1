// i18next resources for every user-visible string, bundled statically so the worker needs no file system.
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../agents/language/languages.ts';
import enApi from './en/api.json' with { type: 'json' };
import enChat from './en/chat.json' with { type: 'json' };
import enWidget from './en/widget.json' with { type: 'json' };
import enLeads from './en/leads.json' with { type: 'json' };
import enConsole from './en/console.json' with { type: 'json' };
import enPrivacy from './en/privacy.json' with { type: 'json' };
import enLegal from './en/legal.json' with { type: 'json' };
import frApi from './fr/api.json' with { type: 'json' };
import frChat from './fr/chat.json' with { type: 'json' };
import frWidget from './fr/widget.json' with { type: 'json' };
import frLeads from './fr/leads.json' with { type: 'json' };
import frConsole from './fr/console.json' with { type: 'json' };
import frPrivacy from './fr/privacy.json' with { type: 'json' };
import frLegal from './fr/legal.json' with { type: 'json' };
import deApi from './de/api.json' with { type: 'json' };
import deChat from './de/chat.json' with { type: 'json' };
import deWidget from './de/widget.json' with { type: 'json' };
import deLeads from './de/leads.json' with { type: 'json' };
import deConsole from './de/console.json' with { type: 'json' };
import dePrivacy from './de/privacy.json' with { type: 'json' };
import deLegal from './de/legal.json' with { type: 'json' };
import lbApi from './lb/api.json' with { type: 'json' };
import lbChat from './lb/chat.json' with { type: 'json' };
import lbWidget from './lb/widget.json' with { type: 'json' };
import lbLeads from './lb/leads.json' with { type: 'json' };
import lbConsole from './lb/console.json' with { type: 'json' };
import lbPrivacy from './lb/privacy.json' with { type: 'json' };
import lbLegal from './lb/legal.json' with { type: 'json' };

export const resources = {
  en: { api: enApi, chat: enChat, widget: enWidget, leads: enLeads, console: enConsole, privacy: enPrivacy, legal: enLegal },
  fr: { api: frApi, chat: frChat, widget: frWidget, leads: frLeads, console: frConsole, privacy: frPrivacy, legal: frLegal },
  de: { api: deApi, chat: deChat, widget: deWidget, leads: deLeads, console: deConsole, privacy: dePrivacy, legal: deLegal },
  lb: { api: lbApi, chat: lbChat, widget: lbWidget, leads: lbLeads, console: lbConsole, privacy: lbPrivacy, legal: lbLegal },
} as const;

export type Translate = TFunction;

/** One i18next instance per app (no global), initialised synchronously from the bundled resources. */
export function createI18n() {
  const instance = i18next.createInstance();
  instance.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    ns: Object.keys(resources.en),
    defaultNS: 'api',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnEmptyString: false,
  });
  return { forLang: (lang: Lang): Translate => instance.getFixedT(lang) };
}
