// Knowledge tables: documents per language and their chunks; the FTS5 and vector tables are raw SQL migrations.
import { integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

export const documents = sqliteTable(
  'documents',
  {
    docId: text('doc_id').notNull(),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    title: text('title').notNull(),
    audience: text('audience', { mode: 'json' }).$type<string[]>().notNull(),
    source: text('source', { mode: 'json' }).$type<string[]>().notNull(),
    url: text('url'),
    updated: text('updated').notNull(),
    review: text('review', { enum: ['machine', 'native'] }).notNull(),
    contentHash: text('content_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.docId, t.lang] })],
);

export const chunks = sqliteTable(
  'chunks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chunkId: text('chunk_id').notNull().unique(),
    docId: text('doc_id').notNull(),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    title: text('title').notNull(),
    headingPath: text('heading_path', { mode: 'json' }).$type<string[]>().notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('chunks_doc_lang').on(t.docId, t.lang)],
);

/** Small key/value facts about the database: knowledge hash, embedding model and dimension. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
