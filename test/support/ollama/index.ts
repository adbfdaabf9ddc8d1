// Public surface of the Ollama stand-in for tests.
export { type OllamaStandIn, type RecordedRequest, type StandInOptions, DEFAULT_VERSION, startOllamaStandIn } from './server.ts';
export { type ChatReply, type ChatScript, DEFAULT_FALLBACK_TEXT, type ReplyFunction, type ScriptedToolCall, type ScriptStep, tokenize } from './script.ts';
export { DEFAULT_500_MESSAGE, type Fault, type FaultKind } from './faults.ts';
export { cosineSimilarity, DEFAULT_EMBEDDING_DIMENSIONS, embedText } from './embedding.ts';
export { canonicalModelName, DEFAULT_EMBEDDING_ONLY_MODELS, DEFAULT_MODELS, modelNotFoundMessage } from './models.ts';
export * from './schemas.ts';
