// The baseline's process entry: index knowledge/ into the memory store at startup, then serve on PORT.
// Env: PORT, OLLAMA_HOSTS (the first host is used), CHAT_MODEL, EMBED_MODEL — the assistant's names.
import { serve } from '@hono/node-server';
import { Document } from '@langchain/core/documents';
import { ChatOllama, OllamaEmbeddings } from '@langchain/ollama';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { readKnowledgeFiles } from '../../agents/retrieval/knowledge-files.node.ts';
import { createBaselineApp } from './app.ts';
import { MemoryVectorStore } from './store.ts';

const baseUrl = (process.env.OLLAMA_HOSTS ?? 'http://127.0.0.1:11434').split(',')[0]!.trim();
const store = new MemoryVectorStore(new OllamaEmbeddings({ model: process.env.EMBED_MODEL ?? 'bge-m3', baseUrl }));
// The tutorial's splitter settings; the files go in whole, front matter included, as a text loader reads them.
const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
const files = await readKnowledgeFiles();
await store.addDocuments(await splitter.splitDocuments(files.map((f) => new Document({ pageContent: f.content, metadata: { source: f.path } }))));

const model = new ChatOllama({ model: process.env.CHAT_MODEL ?? 'qwen3:8b', baseUrl });
serve({ fetch: createBaselineApp({ store, model }).fetch, port: Number(process.env.PORT ?? 8788) });
