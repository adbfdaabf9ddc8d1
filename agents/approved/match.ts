// What a chat turn asks of the approved answers: the one that answers a visitor's question, with its sources.
import type { Source } from '../answer/sources.ts';
import type { Lang } from '../language/languages.ts';

/** The approved answer a visitor's question gets, with its cited documents as the client's sources. */
export type ApprovedMatch = { id: string; answer: string; sources: Source[]; score: number };

export type FindApproved = { match(question: string, lang: Lang): Promise<ApprovedMatch | null> };
