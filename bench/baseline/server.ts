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
// OllamaEmbeddings sends one request at a time unless told otherwise (its maxConcurrency defaults to 1): with an
// embedding that takes the model 50 ms, turns would queue behind each other from 20 a second. Ours embeds each turn's
// query in parallel, and so does the baseline, so that the bench compares the two layers, not that default.
const store = new MemoryVectorStore(new OllamaEmbeddings({ model: process.env.EMBED_MODEL ?? 'bge-m3', baseUrl, maxConcurrency: Infinity }));
// The tutorial's splitter settings; the files go in whole, front matter included, as a text loader reads them.
const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
const files = await readKnowledgeFiles();
await store.addDocuments(await splitter.splitDocuments(files.map((f) => new Document({ pageContent: f.content, metadata: { source: f.path } }))));

const model = new ChatOllama({ model: process.env.CHAT_MODEL ?? 'qwen3:8b', baseUrl });
serve({ fetch: createBaselineApp({ store, model }).fetch, port: Number(process.env.PORT ?? 8788) });
