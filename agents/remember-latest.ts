// A value read for a key and kept until another key is asked for: the day's rate-limit salt (a new day, a new key),
// the stored embedding model (keyed by the minute) and the knowledge in memory (keyed by the index generation).

/** `read` runs once per new key; a failed read is not kept, so the next call tries again. */
export function rememberLatest<K, T>(read: (key: K) => Promise<T>): (key: K) => Promise<T> {
  let last: { key: K; value: Promise<T> } | undefined;
  return (key) => {
    if (!last || last.key !== key) {
      const entry = { key, value: read(key) };
      last = entry;
      entry.value.catch(() => {
        if (last === entry) last = undefined;
      });
    }
    return last.value;
  };
}
