// The lead form an `action` {type: 'lead_form'} asks for, rendered in the conversation and posted to POST /api/leads.
// Consent starts unticked with its full text (from the server, in the action's language) beside it, and nothing is
// sent before it is ticked; the server checks the fields and its localized error goes under the field it names
// (aria-describedby, aria-invalid), which takes the focus. Written for size: it ships inside the 30 KB widget bundle.
import type { TFunction } from 'i18next';
import type { LeadFormAction } from '../../agents/chat/events.ts';
import type { Maturity, MATURITIES as SERVER_MATURITIES, OrgType, ORG_TYPES as SERVER_ORG_TYPES, PILLARS as SERVER_PILLARS } from '../../agents/leads/vocabulary.ts';
import { ApiError, type LeadBody, type LeadResult } from './api.ts';
import { h } from './dom.ts';
import { safeHref } from './markdown.ts';

/** Binds an element's text to `lead.<key>`, kept in the UI language (a datalist option's text is its value). */
export type Bind = <E extends Element>(el: E, key: string) => E;

// The form's options copy the server's vocabularies (agents/leads/vocabulary.ts), which this bundle does not import;
// each copy is checked against the server's tuple type, so it fails to compile unless it has the same values in order.
/** The six pillars; their names, the same in every language, follow from the values ("build-test" → "Build & Test"). */
const PILLARS: typeof SERVER_PILLARS = ['assess-accelerate', 'upskill-train', 'connect', 'finance', 'build-test', 'scale-deploy'];
const pillarName = (value: string) => value.replace(/\b\w/g, (c) => c.toUpperCase()).replace('-', ' & ');

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * `key` prefixes the ids (unique in the shadow root); `need` is the question that led to the form; `send` posts the
 * body (conversation and lang added by the widget); `announce` speaks through the widget's live region.
 */
export function leadForm(key: string, action: LeadFormAction, need: string, bind: Bind, t: () => TFunction, send: (body: Omit<LeadBody, 'lang'>) => Promise<LeadResult>, announce: (text: string) => void): HTMLElement {
  const id = (name: string) => `${key}-${name}`;
  const controls: Record<string, HTMLElement> = {};
  const errors: Record<string, HTMLElement> = {};

  const error = (name: string) => (errors[name] = h('p', { id: id(`${name}-error`), class: 'field-error', hidden: true }));
  // Each control is described by its error paragraph, which is empty (and hidden) until there is an error.
  const described = (control: HTMLElement, name: string, more = '') => Object.assign(control, { id: id(name) }).setAttribute('aria-describedby', `${id(`${name}-error`)}${more}`);
  // Required fields carry a * (explained by the intro) for the eye and `required` for assistive technologies.
  const label = (name: string, optional?: boolean) => [bind(h('span'), name), optional ? '' : h('span', { 'aria-hidden': 'true' }, ' *')];
  const field = (name: string, control: Control, optional?: boolean) => {
    controls[name] = control;
    control.required = !optional;
    described(control, name);
    return h('div', { class: 'field' }, h('label', { for: control.id }, ...label(name, optional)), control, error(name));
  };
  // Lengths are the server's to check (field_too_long); autocomplete names the purpose where there is one (WCAG 1.3.5).
  const input = (type = 'text', autocomplete?: string, list?: string) => h('input', { type, autocomplete, list });
  const select = (group: string, values: readonly string[]) => h('select', {}, h('option', { value: '' }), ...values.map((value) => bind(h('option', { value }), `${group}.${value}`)));

  const needBox = h('textarea', { rows: 3 });
  needBox.value = need.slice(0, 2000);
  const pillars = PILLARS.map((value) => h('input', { type: 'checkbox', value, id: id(value) }));

  const text = h('p', { id: id('consent-text'), lang: action.lang }, action.consent.text);
  const consent = (controls['consent'] = h('input', { type: 'checkbox', required: true }));
  described(consent, 'consent', ` ${text.id}`);
  const summary = h('p', { class: 'field-error', role: 'alert' });
  const title = bind(h('h3', { id: id('title') }), 'title');
  const intro = bind(h('p'), 'intro');
  const sectors = h('datalist', { id: id('sectors') }, ...['finance', 'space', 'cybersecurity', 'green'].map((sector) => bind(h('option'), `sectors.${sector}`)));
  const check = (box: HTMLInputElement, text: string, lang: string) => h('div', { class: 'check' }, box, h('label', { for: box.id, lang }, text));

  const form = h(
    'form',
    { 'aria-labelledby': title.id, novalidate: true },
    field('organisation', input('text', 'organization')),
    field('org', select('types', ['sme', 'startup', 'large', 'public', 'research', 'individual'] satisfies typeof SERVER_ORG_TYPES)),
    field('sector', input('text', undefined, sectors.id)),
    sectors,
    field('size', input(), true),
    field('maturity', select('maturities', ['exploring', 'piloting', 'deploying'] satisfies typeof SERVER_MATURITIES)),
    field('need', needBox),
    h('fieldset', {}, bind(h('legend'), 'pillars'), ...pillars.map((box) => check(box, pillarName(box.value), 'en'))),
    field('timeline', input(), true),
    field('contact', input('text', 'name')),
    field('email', input('email', 'email')),
    field('phone', input('tel', 'tel'), true),
    h('div', { class: 'consent' }, text, check(consent, action.consent.label, action.lang), error('consent')),
    summary,
    bind(h('button', { class: 'send' }), 'submit'),
  );
  const section = h('div', {}, title, intro, form);

  /** Shows (or clears) a field's error. */
  const setError = (name: string, message = '') => {
    const p = errors[name]!;
    p.textContent = message;
    p.hidden = !message;
    controls[name]!.setAttribute('aria-invalid', String(!!message));
  };
  const value = (name: string) => (controls[name] as Control).value.trim() || undefined;

  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    summary.textContent = '';
    for (const name in errors) setError(name);
    // Consent first, so that nothing leaves the page without it.
    if (!consent.checked) {
      setError('consent', t()('lead.consent_required'));
      return consent.focus();
    }
    const ticked = pillars.filter((box) => box.checked).map((box) => box.value);
    sending = true;
    try {
      const { qualified, withdrawUrl } = await send({
        organisation: value('organisation')!,
        // The selects offer only the server's values; an empty one is the server's to reject, like a missing field.
        orgType: value('org') as OrgType,
        sector: value('sector')!,
        size: value('size'),
        maturity: value('maturity') as Maturity,
        need: value('need')!,
        pillars: ticked[0] ? ticked : undefined,
        timeline: value('timeline'),
        contact: { name: value('contact')!, email: value('email')!, phone: value('phone') },
        consent: { given: true, version: action.consent.version },
      });
      const href = safeHref(withdrawUrl);
      const thanks = h(
        'div',
        { tabindex: -1 },
        bind(h('p'), qualified ? 'sent' : 'stored'),
        href && h('p', {}, bind(h('a', { href, target: '_blank', rel: 'noopener' }), 'withdraw_link')),
      );
      form.replaceWith(thanks);
      intro.remove();
      thanks.focus();
      announce(thanks.textContent!);
    } catch (failure) {
      // The server's localized message, under its field when it names one; the values stay as typed.
      // Codes are `<field>_…` (org_type_invalid, contact_name_missing, email_invalid…), hence the fields' names.
      const name = failure instanceof ApiError ? failure.code.split('_')[0]! : '';
      const message = failure instanceof ApiError ? failure.message : t()('errors.network');
      if (errors[name]) {
        setError(name, message);
        controls[name]!.focus();
      } else summary.textContent = message;
    }
    sending = false;
  });
  return section;
}
