// The data inventory's check, pure: the tables and columns docs/data-inventory.md describes against those a migrated
// database holds, and what every table's entry must say. Problems are sentences a reviewer can act on.
import { marked, type Token, type Tokens } from 'marked';

/** One table of the database as SQLite lists it (PRAGMA table_list and table_info). */
export type SchemaTable = { name: string; kind: 'table' | 'view' | 'virtual' | 'shadow'; columns: string[] };

/** What every table's entry says, as `- **Label:** text` lines under its heading. */
export const REQUIRED_FIELDS = ['Purpose', 'Personal data', 'Legal basis', 'Retention', 'Who can read it'] as const;
/** The header of every table's column list. */
export const COLUMN_HEADER = ['column', 'what it holds', 'personal data'] as const;

export type InventoryEntry = { table: string; fields: Map<string, string>; columns: { name: string; personal: string }[] };

// An entry's heading is a level-3 heading holding only the table's name as code: ### `conversations`.
const TABLE_HEADING = /^`([^`]+)`$/;
const FIELD = /^\*\*([^*]+?):\*\*\s*([\s\S]*)$/;
const CODE = /^`([^`]+)`$/;
// A personal-data judgement opens with yes or no, so a reader (and this check) never has to guess.
const JUDGEMENT = /^(yes|no)\b/i;

/** The entries of the inventory, and what is malformed in them (a column list that is not one, a name not in code). */
export function parseInventory(markdown: string): { entries: InventoryEntry[]; problems: string[] } {
  const entries: InventoryEntry[] = [];
  const problems: string[] = [];
  let current: InventoryEntry | null = null;
  for (const token of marked.lexer(markdown) as Token[]) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const table = heading.depth === 3 ? TABLE_HEADING.exec(heading.text.trim())?.[1] : undefined;
      current = table ? { table, fields: new Map(), columns: [] } : null;
      if (current) entries.push(current);
    } else if (current && token.type === 'list') {
      for (const item of (token as Tokens.List).items) {
        const field = FIELD.exec(item.text.trim());
        if (field) current.fields.set(field[1]!.trim(), field[2]!.trim());
      }
    } else if (current && token.type === 'table') {
      const table = token as Tokens.Table;
      const header = table.header.map((cell) => cell.text.trim().toLowerCase());
      if (header.join('|') !== COLUMN_HEADER.join('|')) {
        problems.push(`\`${current.table}\`: its column list must have the header | ${COLUMN_HEADER.join(' | ')} |, not | ${header.join(' | ')} |`);
        continue;
      }
      for (const row of table.rows) {
        const [nameCell, , personalCell] = row.map((cell) => cell.text.trim());
        const name = CODE.exec(nameCell ?? '')?.[1];
        if (!name) problems.push(`\`${current.table}\`: the column "${nameCell}" must be written as code, e.g. \`id\``);
        else current.columns.push({ name, personal: personalCell ?? '' });
      }
    }
  }
  return { entries, problems };
}

/**
 * Everything the inventory gets wrong about `schema`: tables and columns it does not describe, entries for tables or
 * columns that no longer exist, repeated entries, missing fields and personal-data judgements that are not yes or no.
 * Shadow tables (where SQLite keeps an FTS5 index) are described by their virtual table's entry, so none is required.
 */
export function checkInventory(markdown: string, schema: SchemaTable[]): string[] {
  const { entries, problems } = parseInventory(markdown);
  const described = new Map<string, InventoryEntry>();
  for (const entry of entries) {
    if (described.has(entry.table)) problems.push(`\`${entry.table}\` is described twice`);
    described.set(entry.table, entry);
  }
  const tables = new Map(schema.map((table) => [table.name, table]));

  for (const table of schema) {
    const entry = described.get(table.name);
    if (!entry) {
      if (table.kind !== 'shadow') problems.push(`table \`${table.name}\` (${table.columns.join(', ')}) is not described`);
      continue;
    }
    const listed = new Set(entry.columns.map((column) => column.name));
    for (const column of table.columns) if (!listed.has(column)) problems.push(`column \`${table.name}.${column}\` is not described`);
  }

  for (const entry of entries) {
    const table = tables.get(entry.table);
    if (!table) problems.push(`\`${entry.table}\` is described, but no such table exists`);
    for (const field of REQUIRED_FIELDS) if (!entry.fields.get(field)) problems.push(`\`${entry.table}\`: "${field}" is missing`);
    const personal = entry.fields.get('Personal data');
    if (personal && !JUDGEMENT.test(personal)) problems.push(`\`${entry.table}\`: "Personal data" must begin with yes or no`);
    const seen = new Set<string>();
    for (const column of entry.columns) {
      if (seen.has(column.name)) problems.push(`column \`${entry.table}.${column.name}\` is described twice`);
      seen.add(column.name);
      if (table && !table.columns.includes(column.name)) problems.push(`column \`${entry.table}.${column.name}\` is described, but no such column exists`);
      if (!JUDGEMENT.test(column.personal)) problems.push(`column \`${entry.table}.${column.name}\`: "personal data" must begin with yes or no`);
    }
  }
  return problems;
}
