// The tutorial RAG as a Hono app: retrieve four chunks, put them in the prompt, stream one model call as SSE.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { VectorStore } from '@langchain/core/vectorstores';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

// The tutorial's prompt (rlm/rag-prompt), with the question as the user's message.
const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'You are an assistant for question-answering tasks. Use the following pieces of retrieved context to answer the question. If you don\'t know the answer, just say that you don\'t know. Use three sentences maximum and keep the answer concise.\n\nContext: {context}'],
  ['human', '{question}'],
]);

export function createBaselineApp({ store, model }: { store: VectorStore; model: BaseChatModel }) {
  const chain = prompt.pipe(model);
  return new Hono()
    .get('/readyz', (c) => c.json({ status: 'ok' }))
    .post('/api/chat', async (c) => {
      const { message } = await c.req.json<{ message: string }>();
      const docs = await store.similaritySearch(message, 4);
      const context = docs.map((d) => d.pageContent).join('\n\n');
      return streamSSE(c, async (stream) => {
        for await (const chunk of await chain.stream({ context, question: message })) {
          if (typeof chunk.content === 'string' && chunk.content) await stream.writeSSE({ event: 'token', data: JSON.stringify({ text: chunk.content }) });
        }
        await stream.writeSSE({ event: 'done', data: '{}' });
      });
    });
}
