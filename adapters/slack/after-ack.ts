/**
 * Slack waits 3 seconds at most for an acknowledgement, and a burst of clicks arrives at once.
 * Work that follows an ack advances one step per turn of the event loop: between two steps node
 * polls the network, so requests that arrived meanwhile are read and acknowledged first.
 */
export interface AfterAck {
  /** Resolves on a later turn of the event loop, after the network has been polled, in call order. */
  turn(): Promise<void>;
}

export function createAfterAck(): AfterAck {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  // An immediate queued while immediates run waits for the next turn: one step per turn.
  const step = () => {
    waiting.shift()?.();
    if (waiting.length > 0) setImmediate(step);
    else scheduled = false;
  };
  return {
    turn() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(step);
        }
      });
    },
  };
}
