// The legal pages (`/:lang/privacy`, `/terms`, `/imprint`, `/accessibility`): the text of legal/<lang>/ with its
// version and date and the language that prevails; the operator's details filled in, or marked as still to configure.
import { legalDocument } from '../../legal/documents.ts';
import { fieldsIn, fillFields, type LegalField } from '../../legal/fields.ts';
import type { LegalKind } from '../../legal/kinds.ts';
import { html, Markup } from './html.ts';
import { layout, type PageAssets, type PageLang, type T } from './layout.ts';

/** The configuration variables the texts name, each shown where its field is. */
const OPERATOR_FIELDS = {
  'operator.name': 'OPERATOR_NAME',
  'operator.address': 'OPERATOR_ADDRESS',
  'operator.email': 'OPERATOR_EMAIL',
  'dpo.email': 'DPO_EMAIL',
  'publication.director': 'PUBLICATION_DIRECTOR',
  'hosting.provider': 'HOSTING_PROVIDER',
} as const satisfies Partial<Record<LegalField, string>>;
type OperatorVariable = (typeof OPERATOR_FIELDS)[keyof typeof OPERATOR_FIELDS];
const EMAILS: readonly LegalField[] = ['operator.email', 'dpo.email'];

/** What the texts name besides themselves: the operator's configuration and the periods the code applies. */
export type LegalValues = {
  operator: Partial<Record<OperatorVariable, string>>;
  origin: string;
  retention: { conversationDays: number; educationHours: number; leadDays: number; sessionHours: number; sessionIdleMinutes: number };
};

/** Each field's markup (escaped here); `unset` lists the operator fields that have no value yet. */
function fieldValues(t: T, { operator, origin, retention }: LegalValues) {
  // Without a data protection officer's own address, requests go to the operator's.
  const configured: Partial<Record<OperatorVariable, string>> = { ...operator, DPO_EMAIL: operator.DPO_EMAIL ?? operator.OPERATOR_EMAIL };
  const unset = new Set<LegalField>();
  const shown = (field: keyof typeof OPERATOR_FIELDS) => {
    const variable = OPERATOR_FIELDS[field];
    const value = configured[variable];
    if (!value) {
      unset.add(field);
      return html`<mark class="unset">${t('legal:unset', { variable })}</mark>`;
    }
    return EMAILS.includes(field) ? html`<a href="mailto:${value}">${value}</a>` : html`${value}`;
  };
  const values: Record<LegalField, Markup> = {
    'operator.name': shown('operator.name'),
    'operator.address': shown('operator.address'),
    'operator.email': shown('operator.email'),
    'dpo.email': shown('dpo.email'),
    'publication.director': shown('publication.director'),
    'hosting.provider': shown('hosting.provider'),
    'site.origin': html`${origin}`,
    'retention.conversationDays': html`${retention.conversationDays}`,
    'retention.educationHours': html`${retention.educationHours}`,
    'retention.leadDays': html`${retention.leadDays}`,
    'retention.sessionHours': html`${retention.sessionHours}`,
    'retention.sessionIdleMinutes': html`${retention.sessionIdleMinutes}`,
  };
  return { values: Object.fromEntries(Object.entries(values).map(([field, markup]) => [field, String(markup)])) as Record<LegalField, string>, unset };
}

/**
 * The day of a version in the reader's language ("30 November 2026", "30. November 2026"), from the locales rather
 * than Intl: workerd's ICU data has no Luxembourgish and would fall back to an American English date.
 */
function longDate(t: T, isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return t('legal:date', { day, month: t('legal:months').split('|')[month - 1]!, year });
}

export function legalPage(kind: LegalKind, given: LegalValues) {
  return (lang: PageLang, t: T, assets: PageAssets): string => {
    const doc = legalDocument(kind, lang);
    const { values, unset } = fieldValues(t, given);
    const incomplete = fieldsIn(doc.html).some((field) => unset.has(field as LegalField));
    const main = html`<article class="prose legal">
  ${incomplete ? html`<p class="advice">${t('legal:incomplete')}</p>` : ''}
  <h1>${doc.title}</h1>
  <p class="legal-meta">${t('legal:version', { version: doc.version, date: longDate(t, doc.updated) })}<br>${t('legal:prevails')}</p>
  ${new Markup(fillFields(doc.html, values))}
</article>`;
    return layout({ lang, t, title: `${doc.title} | ${t('demo.brand')}`, description: doc.description, path: (l) => `/${l}/${kind}`, assets, main });
  };
}
