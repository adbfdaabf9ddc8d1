// Reads a text/event-stream body into events, for tests that speak SSE like a browser does.
export type SseEvent = { event: string; data: unknown; id?: string };

export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\n\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const at = line.indexOf(':');
        if (at > 0) fields[line.slice(0, at)] = (fields[line.slice(0, at)] ? `${fields[line.slice(0, at)]}\n` : '') + line.slice(at + 1).trimStart();
      }
      return { event: fields.event ?? 'message', data: fields.data ? JSON.parse(fields.data) : null, ...(fields.id ? { id: fields.id } : {}) };
    });
}

export const tokensOf = (events: SseEvent[]) => events.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text).join('');
