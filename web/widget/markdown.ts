// A safe Markdown subset parsed into a small tree (no HTML, ever): paragraphs, quotes, lists, headings, emphasis,
// code, http(s) links and [n] citations. Pure, so it is tested without a browser; dom.ts turns the tree into nodes.

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'cite'; n: number }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; c: Inline[] }
  | { t: 'quote'; c: Block[] }
  | { t: 'list'; ordered: boolean; items: Inline[][] }
  | { t: 'pre'; v: string };

/** The URL when it is absolute http(s), else null: `javascript:`, `data:` and relative links never become links. */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// One alternation, tried left to right at each position: code, link, bold, italic, citation, bare URL.
// Emphasis needs non-space inside its markers, and underscores open only after a space (so `a.__b__` and snake_case stay text).
const INLINE = /`([^`\n]+)`|\[([^\]\n]+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![^\s(])__(?=\S)(.+?)(?<=\S)__(?!\w)|(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])|\[(\d{1,2})\]|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (v: string) => {
    if (!v) return;
    const lines = v.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.push({ t: 'br' });
      if (!line) return;
      const last = out.at(-1);
      if (last?.t === 'text') last.v += line;
      else out.push({ t: 'text', v: line });
    });
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    pushText(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) out.push({ t: 'code', v: m[1] });
    else if (m[2] !== undefined) {
      const href = safeHref(m[3] ?? '');
      // An unsafe link keeps only its words: the target is dropped, not shown as a clickable string.
      if (href) out.push({ t: 'link', href, c: parseInline(m[2]) });
      else out.push(...parseInline(m[2]));
    } else if (m[4] !== undefined || m[5] !== undefined) out.push({ t: 'strong', c: parseInline(m[4] ?? m[5]!) });
    else if (m[6] !== undefined) out.push({ t: 'em', c: parseInline(m[6]) });
    else if (m[7] !== undefined) out.push({ t: 'cite', n: Number(m[7]) });
    else if (m[8] !== undefined) {
      const href = safeHref(m[8]);
      if (href) out.push({ t: 'link', href, c: [{ t: 'text', v: m[8] }] });
      else pushText(m[8]);
    }
  }
  pushText(text.slice(at));
  return out;
}

const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,3})[.)])\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^\s{0,3}```/.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s{0,3}```/.test(lines[i]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ t: 'pre', v: body.join('\n') });
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blocks.push({ t: 'h', c: parseInline(heading[1]!) });
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]!)) body.push(lines[i++]!.replace(/^\s{0,3}>\s?/, ''));
      blocks.push({ t: 'quote', c: parseMarkdown(body.join('\n')) });
      continue;
    }
    const first = LIST_ITEM.exec(line);
    if (first) {
      const ordered = first[2] !== undefined;
      const items: string[] = [];
      while (i < lines.length) {
        const item = LIST_ITEM.exec(lines[i]!);
        if (item && (item[2] !== undefined) === ordered) items.push(item[3]!);
        else if (lines[i]!.trim() && /^\s+/.test(lines[i]!) && items.length) items[items.length - 1] += `\n${lines[i]!.trim()}`;
        else break;
        i++;
      }
      blocks.push({ t: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^\s{0,3}(>|#{1,6}\s|```)/.test(lines[i]!) && !LIST_ITEM.exec(lines[i]!)) body.push(lines[i++]!);
    blocks.push({ t: 'p', c: parseInline(body.join('\n')) });
  }
  return blocks;
}

/** The plain text of a tree, for the live region and for tests. */
export function plainText(blocks: Block[]): string {
  const inline = (c: Inline[]): string =>
    c.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : n.t === 'br' ? ' ' : n.t === 'cite' ? `[${n.n}]` : inline(n.c))).join('');
  return blocks
    .map((b) => (b.t === 'pre' ? b.v : b.t === 'quote' ? plainText(b.c) : b.t === 'list' ? b.items.map(inline).join(' ') : inline(b.c)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
