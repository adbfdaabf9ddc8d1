// One message of the transcript: who wrote it and when, its text, and for an assistant answer what staff need to
// judge it — mode, model, whether it counted as answered, timings and its sources.
import type { TFunction } from 'i18next';
import type { Lang } from '../../agents/language/languages.ts';
import { h, renderBlocks } from '../widget/dom.ts';
import { parseMarkdown } from '../widget/markdown.ts';
import type { Message } from './api.ts';
import { clockTime } from './format.ts';
import { langTag } from './parts.ts';

/** The timings a turn records (agents/chat/turn.ts), in the order a reader follows them. */
const TIMINGS = ['retrievalMs', 'firstTokenMs', 'totalMs'] as const;

function who(t: TFunction, m: Message): string {
  if (m.role === 'note') return t('notes.by', { name: m.author ?? '?' });
  if (m.role === 'user') return t('message.visitor');
  if (m.role === 'assistant') return t('message.assistant');
  if (m.role === 'staff') return t('message.staff', { name: m.author ?? '?' });
  return t('message.system');
}

function facts(t: TFunction, m: Message): HTMLElement {
  const row = (term: string, value: string) => h('div', {}, h('dt', {}, term), h('dd', {}, value));
  const timings = TIMINGS.filter((key) => typeof m.timings?.[key] === 'number').map((key) => t(`message.timing_${key}`, { ms: Math.round(m.timings![key]!) }));
  return h(
    'dl',
    { class: 'facts' },
    row(t('message.mode'), m.mode ? t(`mode.${m.mode}`, { defaultValue: m.mode }) : '—'),
    row(t('message.model'), m.model ?? '—'),
    row(t('message.answered'), m.answered === null ? '—' : t(m.answered ? 'message.yes' : 'message.no')),
    row(t('message.timings'), timings.length ? timings.join(' · ') : '—'),
  );
}

function sources(t: TFunction, m: Message, open: boolean): HTMLElement | null {
  if (!m.sources.length) return null;
  return h(
    'details',
    { class: 'sources', open },
    h('summary', {}, t('message.sources', { count: m.sources.length })),
    h(
      'ol',
      {},
      ...m.sources.map((s) =>
        h(
          'li',
          { value: s.n },
          h('span', { class: 'source-title', lang: s.lang }, s.title),
          ' ',
          langTag(t, s.lang as Lang),
          h('span', { class: 'snippet', lang: s.lang }, s.snippet),
          s.url ? h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.url) : null,
        ),
      ),
    ),
  );
}

/** `sourcesOpen`: the reader had opened this answer's sources before a live redraw. */
export function messageItem(t: TFunction, uiLang: Lang, m: Message, now: number, sourcesOpen = false): HTMLLIElement {
  const body =
    m.role === 'assistant'
      ? h('div', { class: 'text', lang: m.lang }, ...renderBlocks(parseMarkdown(m.content), (n) => h('sup', { class: 'cite' }, `[${n}]`)))
      : h('div', { class: 'text plain', lang: m.lang }, m.content);
  return h(
    'li',
    { class: `msg role-${m.role}`, 'data-message': m.id },
    h(
      'p',
      { class: 'who' },
      h('strong', {}, who(t, m)),
      ' ',
      h('time', { datetime: m.createdAt }, clockTime(m.createdAt, uiLang, now)),
      m.state !== 'complete' ? h('span', { class: 'tag warn' }, t(`message.state_${m.state}`, { defaultValue: m.state })) : null,
      m.role === 'note' ? h('span', { class: 'tag' }, t('notes.private')) : null,
      // Staff wrote this answer and approved it: it was given word for word, not generated.
      m.approvedAnswerId ? h('span', { class: 'tag approved' }, t('message.approved')) : null,
    ),
    body,
    m.role === 'assistant' ? facts(t, m) : null,
    m.role === 'assistant' ? sources(t, m, sourcesOpen) : null,
  );
}
