// What one chat turn emits: the SSE events of POST /api/chat (design.md), shared by the server and the widget.
import type { Source } from '../answer/sources.ts';
import type { Lang } from '../language/languages.ts';

/** Who produced an answer: the model or the offline answerer. */
export type AnswerMode = 'llm' | 'offline';
/** A turn's mode: `staff` while a person holds the conversation or is awaited, and the assistant stays silent. */
export type TurnMode = AnswerMode | 'staff';

/** Offline, a request for support gets the lead form: the widget renders it, consent unticked, and posts it. */
export type LeadFormAction = { type: 'lead_form'; lang: Lang; topics: string[]; consent: { version: string; text: string; label: string } };
/** With a model, the agent qualified the lead in conversation: the widget shows the withdraw link. */
export type LeadSubmittedAction = { type: 'lead_submitted'; leadId: string; qualified: boolean; withdrawUrl: string };
/**
 * The visitor asked for a person: the widget waits for staff (the events stream) and shows when they come. `email`,
 * outside office hours when replies can be mailed: the field for an address, consent unticked, posted to
 * POST /api/conversations/:id/notify.
 */
export type EscalatedAction = {
  type: 'escalated';
  status: 'escalated' | 'staff';
  position: number | null;
  open: boolean;
  waitMinutes: number | null;
  backAt: string | null;
  email?: { consent: { version: string; text: string; label: string } };
};
export type TurnAction = LeadFormAction | LeadSubmittedAction | EscalatedAction;

export type TurnEvent =
  | { event: 'meta'; data: { conversationId: string; conversationToken: string; lang: Lang; mode: TurnMode } }
  | { event: 'token'; data: { text: string } }
  | { event: 'reset'; data: { reason: string } }
  | { event: 'sources'; data: { sources: Source[] } }
  | { event: 'action'; data: TurnAction }
  /** `approved`: the answer is an approved one, given verbatim (agents/approved/). */
  | { event: 'done'; data: { messageId: string; answered: boolean; approved: boolean } }
  | { event: 'error'; data: { code: string; message: string } };
