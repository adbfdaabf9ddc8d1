// Zod schemas of Hrana over HTTP (JSON encoding, versions 2 and 3) as published in libsql's docs/HRANA_3_SPEC.md.
import { z } from 'zod';

// Requests use z.object, which drops unknown keys: the spec says a peer must ignore fields it does not know
// (clients send e.g. `replication_index`). Responses are strict so the stand-in cannot drift into sending
// fields that a real server never sends.

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** A 64-bit signed integer carried as a decimal string, so JSON number precision never matters. */
const Int64String = z
  .string()
  .regex(/^-?\d+$/, 'integer value must be a decimal string')
  .refine((text) => {
    const value = BigInt(text);
    return value >= I64_MIN && value <= I64_MAX;
  }, 'integer value is outside the 64-bit range');

// Standard base64; padding is optional because encoders differ on it.
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'blob must be base64');

/* ---------- shared structures ---------- */

export const ValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('null') }),
  z.object({ type: z.literal('integer'), value: Int64String }),
  z.object({ type: z.literal('float'), value: z.number() }),
  z.object({ type: z.literal('text'), value: z.string() }),
  z.object({ type: z.literal('blob'), base64: Base64 }),
]);
export type Value = z.infer<typeof ValueSchema>;

export const NamedArgSchema = z.object({ name: z.string(), value: ValueSchema });
export type NamedArg = z.infer<typeof NamedArgSchema>;

export const StmtSchema = z.object({
  sql: z.string().nullish(),
  sql_id: z.int32().nullish(),
  args: z.array(ValueSchema).optional(),
  named_args: z.array(NamedArgSchema).optional(),
  want_rows: z.boolean().optional(),
});
export type Stmt = z.infer<typeof StmtSchema>;

export type BatchCond =
  | { type: 'ok'; step: number }
  | { type: 'error'; step: number }
  | { type: 'not'; cond: BatchCond }
  | { type: 'and'; conds: BatchCond[] }
  | { type: 'or'; conds: BatchCond[] }
  | { type: 'is_autocommit' };

const StepIndex = z.int().nonnegative();

// Conditions nest, so the schema refers to itself lazily.
export const BatchCondSchema: z.ZodType<BatchCond> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('ok'), step: StepIndex }),
    z.object({ type: z.literal('error'), step: StepIndex }),
    z.object({ type: z.literal('not'), cond: BatchCondSchema }),
    z.object({ type: z.literal('and'), conds: z.array(BatchCondSchema) }),
    z.object({ type: z.literal('or'), conds: z.array(BatchCondSchema) }),
    z.object({ type: z.literal('is_autocommit') }),
  ]),
);

export const BatchSchema = z.object({
  steps: z.array(z.object({ condition: BatchCondSchema.nullish(), stmt: StmtSchema })),
});
export type Batch = z.infer<typeof BatchSchema>;

export const ErrorSchema = z.strictObject({ message: z.string(), code: z.string().nullish() });
export type HranaError = z.infer<typeof ErrorSchema>;

export const ColSchema = z.strictObject({ name: z.string().nullable(), decltype: z.string().nullable() });
export type Col = z.infer<typeof ColSchema>;

export const StmtResultSchema = z.strictObject({
  cols: z.array(ColSchema),
  rows: z.array(z.array(ValueSchema)),
  affected_row_count: z.int().nonnegative(),
  last_insert_rowid: Int64String.nullable(),
  // Newer sqld versions report these usage figures; clients ignore them.
  rows_read: z.int().nonnegative(),
  rows_written: z.int().nonnegative(),
  query_duration_ms: z.number().nonnegative(),
});
export type StmtResult = z.infer<typeof StmtResultSchema>;

export const BatchResultSchema = z.strictObject({
  step_results: z.array(StmtResultSchema.nullable()),
  step_errors: z.array(ErrorSchema.nullable()),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

export const DescribeResultSchema = z.strictObject({
  params: z.array(z.strictObject({ name: z.string().nullable() })),
  cols: z.array(z.strictObject({ name: z.string(), decltype: z.string().nullable() })),
  is_explain: z.boolean(),
  is_readonly: z.boolean(),
});
export type DescribeResult = z.infer<typeof DescribeResultSchema>;

/* ---------- pipeline: POST v2/pipeline, v3/pipeline ---------- */

const SqlRef = { sql: z.string().nullish(), sql_id: z.int32().nullish() };

export const StreamRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('execute'), stmt: StmtSchema }),
  z.object({ type: z.literal('batch'), batch: BatchSchema }),
  z.object({ type: z.literal('sequence'), ...SqlRef }),
  z.object({ type: z.literal('describe'), ...SqlRef }),
  z.object({ type: z.literal('store_sql'), sql_id: z.int32(), sql: z.string() }),
  z.object({ type: z.literal('close_sql'), sql_id: z.int32() }),
  z.object({ type: z.literal('get_autocommit') }),
]);
export type StreamRequest = z.infer<typeof StreamRequestSchema>;

export const PipelineReqBodySchema = z.object({
  baton: z.string().nullish(),
  requests: z.array(StreamRequestSchema),
});
export type PipelineReqBody = z.infer<typeof PipelineReqBodySchema>;

export const StreamResponseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('execute'), result: StmtResultSchema }),
  z.strictObject({ type: z.literal('batch'), result: BatchResultSchema }),
  z.strictObject({ type: z.literal('sequence') }),
  z.strictObject({ type: z.literal('describe'), result: DescribeResultSchema }),
  z.strictObject({ type: z.literal('store_sql') }),
  z.strictObject({ type: z.literal('close_sql') }),
  z.strictObject({ type: z.literal('get_autocommit'), is_autocommit: z.boolean() }),
]);
export type StreamResponse = z.infer<typeof StreamResponseSchema>;

export const StreamResultSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ok'), response: StreamResponseSchema }),
  z.strictObject({ type: z.literal('error'), error: ErrorSchema }),
]);
export type StreamResult = z.infer<typeof StreamResultSchema>;

export const PipelineRespBodySchema = z.strictObject({
  baton: z.string().nullable(),
  base_url: z.string().nullable(),
  results: z.array(StreamResultSchema),
});
export type PipelineRespBody = z.infer<typeof PipelineRespBodySchema>;

/* ---------- cursor: POST v3/cursor, answered as newline-delimited JSON ---------- */

export const CursorReqBodySchema = z.object({ baton: z.string().nullish(), batch: BatchSchema });
export type CursorReqBody = z.infer<typeof CursorReqBodySchema>;

/** First line of a cursor response. */
export const CursorRespBodySchema = z.strictObject({ baton: z.string().nullable(), base_url: z.string().nullable() });
export type CursorRespBody = z.infer<typeof CursorRespBodySchema>;

/** Every following line of a cursor response. */
export const CursorEntrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('step_begin'), step: StepIndex, cols: z.array(ColSchema) }),
  z.strictObject({
    type: z.literal('step_end'),
    affected_row_count: z.int().nonnegative(),
    last_insert_rowid: Int64String.nullable(),
  }),
  z.strictObject({ type: z.literal('step_error'), step: StepIndex, error: ErrorSchema }),
  z.strictObject({ type: z.literal('row'), row: z.array(ValueSchema) }),
  z.strictObject({ type: z.literal('error'), error: ErrorSchema }),
]);
export type CursorEntry = z.infer<typeof CursorEntrySchema>;

/** Protocol version picked by the URL path: v2/… or v3/…. */
export type HranaVersion = 2 | 3;
