import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvSchema, parseEnv } from '../../functions/env.ts';

describe('parseEnv', () => {
  it('gives the embedded defaults for an empty environment', () => {
    expect(parseEnv({})).toMatchObject({
      PORT: 8787,
      DATABASE_URL: 'file:data/assistant.db',
      OLLAMA_HOSTS: ['http://127.0.0.1:11434'],
      LLM_MODE: 'auto',
      ALLOWED_ORIGINS: [],
      LOG_LEVEL: 'info',
    });
  });

  it('splits comma-separated lists and treats empty strings as unset', () => {
    const env = parseEnv({ OLLAMA_HOSTS: 'http://gpu1:11434, http://gpu2:11434', PORT: '', ALLOWED_ORIGINS: 'https://www.example.lu' });
    expect(env.OLLAMA_HOSTS).toEqual(['http://gpu1:11434', 'http://gpu2:11434']);
    expect(env.PORT).toBe(8787);
    expect(env.ALLOWED_ORIGINS).toEqual(['https://www.example.lu']);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ LLM_MODE: 'cloud' }, /LLM_MODE/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL: must start with file:/],
    [{ OLLAMA_HOSTS: 'gpu1:11434' }, /OLLAMA_HOSTS/],
    [{ JOBS_TOKEN: 'short' }, /JOBS_TOKEN/],
  ])('names the bad variable in %o', (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(message);
  });
});

describe('README configuration table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.split('<!-- env-table:start -->')[1]!.split('<!-- env-table:end -->')[0]!;
  const rows = table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()));

  it('lists exactly the variables of the schema, in order', () => {
    expect(rows.map((row) => row[1]!.replaceAll('`', ''))).toEqual(Object.keys(EnvSchema.shape));
  });

  it('shows the schema defaults', () => {
    const defaults = EnvSchema.parse({});
    for (const row of rows) {
      const name = row[1]!.replaceAll('`', '') as keyof typeof defaults;
      const documented = row[2]!.replaceAll('`', '');
      const actual = defaults[name];
      const empty = actual === undefined || (typeof actual === 'object' && Object.keys(actual).length === 0);
      const expected = empty ? '—' : String(actual);
      expect(documented, name).toBe(expected);
    }
  });
});
