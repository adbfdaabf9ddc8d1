// Accepting a question: the conversation opened (or created) with its token, the language chosen, and the
// user's message stored, before any answering starts, so nothing the visitor wrote is lost.
import { appendMessage, countAssistantMessages, createConversationWithMessage, findConversation } from '../../db/queries/conversations.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../errors.ts';
import { chooseLanguage } from '../language/choose.ts';
import type { Lang } from '../language/languages.ts';
import { CONVERSATION_RETENTION_DAYS, DAY_MS, type Clock } from '../ports.ts';
import { matchesHash, randomToken, sha256Hex } from '../security/tokens.ts';
import type { TurnInput } from './turn.ts';

export type Question = {
  message: string;
  assistant: 'public' | 'education';
  lang?: Lang;
  conversationId?: string;
  /** The conversation's token as presented (header or body). */
  token?: string;
  acceptLanguage?: string;
};

/** Throws `conversation_not_found` or `token_invalid`; returns the turn to run (the caller adds `baseUrl`). */
export async function acceptQuestion(ports: { db: Db; now: Clock }, question: Question): Promise<Omit<TurnInput, 'baseUrl'>> {
  const { db } = ports;
  const at = ports.now();
  const userMessage = (conversationId: string, lang: Lang) => ({ id: crypto.randomUUID(), conversationId, role: 'user', content: question.message, lang, state: 'complete', createdAt: at }) as const;

  if (question.conversationId) {
    const conversation = await findConversation(db, question.conversationId);
    if (!conversation) throw new DomainError('conversation_not_found');
    if (!matchesHash(conversation.tokenHash, question.token)) throw new DomainError('token_invalid');
    const choice = chooseLanguage({ explicit: question.lang, message: question.message, conversation: conversation.lang, acceptLanguage: question.acceptLanguage });
    const message = userMessage(conversation.id, choice.lang);
    // While a person holds the conversation or is awaited, the message is for them: an event carries it live.
    const awaitingStaff = conversation.status === 'escalated' || conversation.status === 'staff';
    await appendMessage(db, message, choice.lang, awaitingStaff ? { type: 'visitor_message', data: { messageId: message.id, text: message.content } } : undefined);
    return {
      conversationId: conversation.id,
      conversationToken: question.token!,
      questionId: message.id,
      question: question.message,
      lang: choice.lang,
      foreign: choice.foreign,
      firstReply: (await countAssistantMessages(db, conversation.id)) === 0,
      awaitingStaff,
    };
  }

  const choice = chooseLanguage({ explicit: question.lang, message: question.message, acceptLanguage: question.acceptLanguage });
  const id = crypto.randomUUID();
  const token = randomToken(16);
  const message = userMessage(id, choice.lang);
  await createConversationWithMessage(
    db,
    { id, assistant: question.assistant, lang: choice.lang, tokenHash: sha256Hex(token), createdAt: at, updatedAt: at, retainUntil: at + CONVERSATION_RETENTION_DAYS * DAY_MS },
    message,
  );
  return { conversationId: id, conversationToken: token, questionId: message.id, question: question.message, lang: choice.lang, foreign: choice.foreign, firstReply: true, awaitingStaff: false };
}
