// Converts Hrana values to what the libsql binding binds, and SQLite results back to Hrana values.
import type { Value } from './protocol.ts';

/** What the binding accepts per parameter: bigint binds INTEGER, number binds REAL. */
export type SqlValue = null | bigint | number | string | Buffer;

export function toSqlValue(value: Value): SqlValue {
  switch (value.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(value.value);
    case 'float':
      return value.value;
    case 'text':
      return value.value;
    case 'blob':
      return Buffer.from(value.base64, 'base64');
  }
}

/** Reads columns with safe integers on, so an INTEGER comes back as bigint and a REAL as number. */
export function fromSqlValue(value: unknown): Value {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  throw new Error(`libsql returned a value of unexpected type ${typeof value}`);
}
