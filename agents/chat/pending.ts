// A question's write, left to the turn: it stores the question with its answer's placeholder in one batch, and while a
// model answers it does so once the model's request has left, off the path to the first token. The route waits for
// `written` before it opens the stream, so a stream never opens on a question that was not stored.
import type { Db } from '../../db/client.ts';
import { storeQuestion, type AnswerPlaceholder, type QuestionWrite } from '../../db/queries/conversations.ts';

export type PendingQuestion = {
  /** Stores the question (with `answer`, the placeholder of its answer), once: later calls get the first one's outcome. */
  store(answer?: AnswerPlaceholder): Promise<void>;
  /** Settles when the question is stored, or its write failed. */
  written: Promise<void>;
};

export function pendingQuestion(db: Db, write: QuestionWrite): PendingQuestion {
  let started: Promise<void> | undefined;
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const written = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Whoever waits for it sees the failure; unwaited, it is not an unhandled rejection.
  written.catch(() => undefined);
  return {
    written,
    store: (answer) =>
      (started ??= storeQuestion(db, write, answer).then(settle.resolve, (error: unknown) => {
        settle.reject(error);
        throw error;
      })),
  };
}
