// Accepting a question: the conversation opened (or a new one made) with its token, the language chosen, and the
// user's message made ready to store. The turn stores it (pending.ts), and the route opens no stream before it is
// stored, so nothing the visitor wrote is lost. For the teachers' assistant the access code is checked first and
// personal data is removed before anything is stored.
import { findConversation, listMessages } from '../../db/queries/conversations.ts';
import type { Db } from '../../db/client.ts';
import { checkAccess, type EduAccess } from '../edu/access.ts';
import { DomainError } from '../errors.ts';
import { chooseLanguage } from '../language/choose.ts';
import type { Lang } from '../language/languages.ts';
import type { Clock } from '../ports.ts';
import { RETENTION_MS } from './retention.ts';
import type { Redactor } from '../privacy/redact.ts';
import type { ReadKnowledge } from '../retrieval/knowledge-snapshot.ts';
import { matchesHash, randomToken, sha256Hex } from '../security/tokens.ts';
import type { Assistant } from './ports.ts';
import type { Turn } from '../public/history.ts';
import type { TurnInput } from './turn.ts';
import { pendingQuestion } from './pending.ts';
import { searchesPreviousFirst } from './plan.ts';

export type Question = {
  message: string;
  assistant: Assistant;
  lang?: Lang;
  conversationId?: string;
  /** The conversation's token as presented (header or body). */
  token?: string;
  acceptLanguage?: string;
  /** The class or school code of the teachers' assistant (EDU_ACCESS=codes). */
  accessCode?: string;
};


/** `redact` is built once per isolate (it compiles its detectors). */
type AcceptPorts = { db: Db; now: Clock; eduAccess: EduAccess; redact: Redactor; knowledge: ReadKnowledge };

/** The message as stored: the teachers' assistant keeps only its redacted text, and says what was removed. */
function storable(redact: Redactor, assistant: Assistant, message: string, lang: Lang) {
  return assistant === 'education' ? redact(message, lang) : { text: message, found: [] };
}

/**
 * The question as it will be stored, known before it is: what a turn can start on before the write. For a question
 * searched alone first (plan.ts, searchesPreviousFirst) `previousQuestion` is null: it is read after.
 */
export type ReadQuestion = Pick<TurnInput, 'question' | 'lang' | 'foreign' | 'previousQuestion' | 'awaitingStaff'>;

/** The turn to run, and when the conversation's earlier questions were asked (its turns are limited per minute). */
export type Accepted = Omit<TurnInput, 'baseUrl'> & { askedAt: number[] };

const early = async (beforeStore: ((read: ReadQuestion) => Promise<void>) | undefined, read: ReadQuestion) => {
  try {
    await beforeStore?.(read);
  } catch {
    // It only started work early (see acceptQuestion): the question is stored all the same.
  }
};

/**
 * Throws `conversation_not_found`, `token_invalid` or `access_code_required`; returns the turn to run (the caller adds
 * `baseUrl`), with the question's write pending. `beforeStore` sees the question once it is read (the route starts
 * the query's embedding there, so the request travels while the turn decides). It only starts work early, so a
 * failure in it does not keep the question from being stored: the turn meets that failure again where it is handled.
 */
export async function acceptQuestion(ports: AcceptPorts, question: Question, beforeStore?: (read: ReadQuestion) => Promise<void>): Promise<Accepted> {
  const { db } = ports;
  const at = ports.now();
  const userMessage = (conversationId: string, lang: Lang, content: string) => ({ id: crypto.randomUUID(), conversationId, role: 'user', content, lang, state: 'complete', createdAt: at }) as const;

  if (question.conversationId) {
    const conversation = await findConversation(db, question.conversationId);
    if (!conversation) throw new DomainError('conversation_not_found');
    if (!matchesHash(conversation.tokenHash, question.token)) throw new DomainError('token_invalid');
    if (conversation.assistant === 'education') await checkAccess(ports, ports.eduAccess, question.accessCode);
    const choice = chooseLanguage({ explicit: question.lang, message: question.message, conversation: conversation.lang, acceptLanguage: question.acceptLanguage });
    const stored = storable(ports.redact, conversation.assistant, question.message, choice.lang);
    const message = userMessage(conversation.id, choice.lang, stored.text);
    // While a person holds the conversation or is awaited, the message is for them: an event carries it live.
    const awaitingStaff = conversation.status === 'escalated' || conversation.status === 'staff';
    const read = { question: stored.text, lang: choice.lang, foreign: choice.foreign, awaitingStaff };
    // A question searched alone first starts before the messages are read (one statement, a round trip to a libSQL
    // server); for it the previous question only comes into later queries.
    const alone = !searchesPreviousFirst(stored.text, choice.lang);
    if (alone) await early(beforeStore, { ...read, previousQuestion: null });
    // Read once here, before this message joins them: the turn takes its history and previous question from them.
    const earlier = await listMessages(db, conversation.id);
    const previousQuestion = earlier.findLast((m) => m.role === 'user')?.content ?? null;
    if (!alone) await early(beforeStore, { ...read, previousQuestion });
    return {
      pending: pendingQuestion(db, { message, conversationLang: choice.lang, ...(awaitingStaff ? { event: { type: 'visitor_message', data: { messageId: message.id, text: message.content } } } : {}) }),
      conversationId: conversation.id,
      conversationToken: question.token!,
      assistant: conversation.assistant,
      questionId: message.id,
      question: stored.text,
      redacted: stored.found,
      lang: choice.lang,
      foreign: choice.foreign,
      firstReply: !earlier.some((m) => m.role === 'assistant'),
      awaitingStaff,
      previousQuestion,
      history: earlier.filter((m) => m.state === 'complete' && (m.role === 'user' || m.role === 'assistant')).map((m) => ({ role: m.role as Turn['role'], content: m.content })),
      askedAt: earlier.filter((m) => m.role === 'user').map((m) => m.createdAt),
    };
  }

  if (question.assistant === 'education') await checkAccess(ports, ports.eduAccess, question.accessCode);
  const choice = chooseLanguage({ explicit: question.lang, message: question.message, acceptLanguage: question.acceptLanguage, vocabulary: (await ports.knowledge()).vocabulary });
  const stored = storable(ports.redact, question.assistant, question.message, choice.lang);
  const id = crypto.randomUUID();
  const token = randomToken(16);
  const message = userMessage(id, choice.lang, stored.text);
  await early(beforeStore, { question: stored.text, lang: choice.lang, foreign: choice.foreign, previousQuestion: null, awaitingStaff: false });
  return {
    pending: pendingQuestion(db, {
      opens: { id, assistant: question.assistant, lang: choice.lang, tokenHash: sha256Hex(token), createdAt: at, updatedAt: at, retainUntil: at + RETENTION_MS[question.assistant] },
      message,
    }),
    conversationId: id,
    conversationToken: token,
    assistant: question.assistant,
    questionId: message.id,
    question: stored.text,
    redacted: stored.found,
    lang: choice.lang,
    foreign: choice.foreign,
    firstReply: true,
    awaitingStaff: false,
    previousQuestion: null,
    history: [],
    askedAt: [],
  };
}
