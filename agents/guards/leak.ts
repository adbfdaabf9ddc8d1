// Leak guard: a streamed answer must never carry the prompt's canary, its opening words or a configuration value.
// It holds back only a tail that could be the start of a secret, so a secret split across tokens is still caught
// and ordinary text flows without delay. Pure.

export type LeakGuard = {
  /** Text that is safe to send now, or null when the stream has leaked a secret. */
  push(text: string): string | null;
  /** The held-back tail at the end of the stream (null if it leaks). */
  flush(): string | null;
};

const MIN_SECRET = 6;

export function containsSecret(text: string, secrets: string[]): boolean {
  const lower = text.toLowerCase();
  return secrets.some((secret) => secret.length >= MIN_SECRET && lower.includes(secret.toLowerCase()));
}

// A tail is held back from two characters on. One letter says nothing of a secret, and holding back every token
// that ends in a letter some secret begins with (h for an address, y for "You are…") kept most tokens' last letter
// until the next token: the visitor saw every word one token late, the first one included.
const MIN_HELD = 2;

/** Length of the longest end of `text` (two characters or more) that begins some secret. */
function pendingTail(text: string, secrets: string[]): number {
  let longest = MIN_HELD - 1;
  const last = text.charCodeAt(text.length - 1);
  for (const secret of secrets) {
    for (let k = Math.min(secret.length - 1, text.length); k > longest; k--) {
      // Called on every token: a prefix that cannot end with the text's last letter is not compared.
      if (secret.charCodeAt(k - 1) === last && text.endsWith(secret.slice(0, k))) {
        longest = k;
        break;
      }
    }
  }
  return longest < MIN_HELD ? 0 : longest;
}

export function createLeakGuard(secrets: string[]): LeakGuard {
  const watched = secrets.filter((secret) => secret.length >= MIN_SECRET).map((secret) => secret.toLowerCase());
  const longest = Math.max(0, ...watched.map((secret) => secret.length));
  let seen = '';
  let sent = 0;
  let leaked = false;
  return {
    push(text) {
      if (leaked) return null;
      seen += text;
      // A secret the text did not hold before ends in the new text: it lies within it and the characters just before,
      // as does every tail that could begin one. Reading the whole answer on every token made a long answer's cost
      // grow with the square of its length (0.022 ms a token over 2,000 tokens, half of the relay's cost).
      const recent = seen.slice(Math.max(0, seen.length - text.length - longest + 1)).toLowerCase();
      if (watched.some((secret) => recent.includes(secret))) {
        leaked = true;
        return null;
      }
      const safeUntil = Math.max(sent, seen.length - pendingTail(recent, watched));
      const out = seen.slice(sent, safeUntil);
      sent = safeUntil;
      return out;
    },
    flush() {
      if (leaked) return null;
      const out = seen.slice(sent);
      sent = seen.length;
      return out;
    },
  };
}
