// Work that can wait for the rest of a pass of Node's event loop: it runs after the pass's I/O callbacks (setImmediate),
// at most a few tasks a pass. The host fetch reads the rest of a model's stream through it (http-fetch.node.ts):
// while the process is saturated, new questions, embeddings and first tokens, which visitors wait for, go before
// the tokens of answers already streaming, which still move every pass.

export type PassShare = (run: () => void) => void;

/** Runs queued tasks in order, `perPass` of them each pass of the event loop, after its I/O. */
export function passShare(perPass: number): PassShare {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const drain = () => {
    for (let ran = 0; ran < perPass && waiting.length; ran++) waiting.shift()!();
    // An immediate set while immediates run waits for the next pass, after that pass's I/O.
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(drain);
  };
  return (run) => {
    waiting.push(run);
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };
}
