// Fault injection: a standing fault for the whole server plus counted faults for the next N matching requests.

export interface Fault {
  /** Only requests to this pathname (e.g. '/api/chat'); every request when omitted. */
  path?: string;
  /**
   * Only the next N matching requests; without it the fault stands until replaced or cleared. `Infinity` keeps a
   * counted fault for good, ahead of the standing one: with `chance`, a flaky host over a steady pace.
   */
  times?: number;
  /** Only this share of matching requests (0–1, drawn per request); the others go on to the next fault. */
  chance?: number;
  /** Destroy the connection as soon as the request arrives: the client sees a network error. */
  refuse?: boolean;
  /** Answer 500 {"error": …}; a string sets the message. */
  status500?: boolean | string;
  /** Wait before the first token (before the response head, as Ollama only sends headers with the first line). */
  firstTokenDelayMs?: number;
  /** Wait between tokens. */
  tokenDelayMs?: number;
  /** Write this many tokens, then go silent with the socket open until the client gives up or close(). */
  stallAfterTokens?: number;
  /** Write this many tokens, then destroy the socket mid-stream. */
  dropAfterTokens?: number;
}

export type FaultKind = 'refuse' | 'status500' | 'stall' | 'drop' | 'delay';

export const DEFAULT_500_MESSAGE = 'an error was encountered while running the model';

export function faultKind(fault: Fault): FaultKind {
  if (fault.refuse) return 'refuse';
  if (fault.status500) return 'status500';
  if (fault.dropAfterTokens !== undefined) return 'drop';
  if (fault.stallAfterTokens !== undefined) return 'stall';
  return 'delay';
}

/** `random` draws the `chance` of a fault (Math.random unless a test wants a reproducible sequence). */
export function createFaultBook(initial?: Fault, random: () => number = Math.random) {
  let standing: Fault | undefined;
  const counted: { fault: Fault; left: number }[] = [];

  const set = (fault: Fault | null): void => {
    if (fault === null) {
      standing = undefined;
      counted.splice(0);
    } else if (fault.times === undefined) standing = fault;
    else if (fault.times > 0) counted.push({ fault, left: fault.times });
  };
  if (initial) set(initial);

  /** The fault for this request, if any; counted faults go first and are used up in order, each only when it applies. */
  const take = (path: string): Fault | undefined => {
    const applies = (fault: Fault) => (fault.path === undefined || fault.path === path) && (fault.chance === undefined || random() < fault.chance);
    const index = counted.findIndex((entry) => applies(entry.fault));
    const entry = counted[index];
    if (entry) {
      entry.left -= 1;
      if (entry.left === 0) counted.splice(index, 1);
      return entry.fault;
    }
    return standing && applies(standing) ? standing : undefined;
  };

  return { set, take };
}
