// DOM building without HTML strings: elements, attributes and text nodes only, so no markup ever reaches the page.
import type { Block, Inline } from './markdown.ts';

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative icon from path data (the paths are ours, never content). */
export function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

export const ICONS = {
  chat: 'M4 4h16v11H8l-4 4z',
  close: 'M6 6l12 12M18 6L6 18',
  up: 'M7 11v9H4v-9zm2 9h8.5l2.5-7v-2h-6l1-5-1.5-1L9 10z',
  down: 'M7 13V4H4v9zm2-9h8.5l2.5 7v2h-6l1 5-1.5 1L9 14z',
  stop: 'M7 7h10v10H7z',
  send: 'M4 20l17-8L4 4v6l11 2-11 2z',
};

export type CiteRenderer = (n: number) => Node;

function inlineNodes(nodes: Inline[], cite: CiteRenderer): Node[] {
  return nodes.map((node) => {
    switch (node.t) {
      case 'text':
        return document.createTextNode(node.v);
      case 'br':
        return h('br');
      case 'code':
        return h('code', {}, node.v);
      case 'strong':
        return h('strong', {}, ...inlineNodes(node.c, cite));
      case 'em':
        return h('em', {}, ...inlineNodes(node.c, cite));
      case 'cite':
        return cite(node.n);
      case 'link':
        return h('a', { href: node.href, rel: 'noopener noreferrer', target: '_blank' }, ...inlineNodes(node.c, cite));
    }
  });
}

export function renderBlocks(blocks: Block[], cite: CiteRenderer): Node[] {
  return blocks.map((block) => {
    switch (block.t) {
      case 'p':
        return h('p', {}, ...inlineNodes(block.c, cite));
      case 'h':
        return h('p', { class: 'md-heading' }, h('strong', {}, ...inlineNodes(block.c, cite)));
      case 'pre':
        return h('pre', {}, h('code', {}, block.v));
      case 'quote':
        return h('blockquote', {}, ...renderBlocks(block.c, cite));
      case 'list':
        return h(block.ordered ? 'ol' : 'ul', {}, ...block.items.map((item) => h('li', {}, ...inlineNodes(item, cite))));
    }
  });
}
