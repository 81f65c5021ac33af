// Which transaction (or SQLite turn) the running code is inside, carried through awaits, so that a
// repository called from inside another's transaction joins it instead of waiting for it. A lease ends
// with its transaction: a timer started inside one and run later does not inherit it.

import { AsyncLocalStorage } from "node:async_hooks";

interface Lease<Q> {
  q: Q;
  open: boolean;
}

export function createLeases<Q>() {
  const als = new AsyncLocalStorage<Lease<Q>>();
  return {
    current(): Q | null {
      const lease = als.getStore();
      return lease?.open ? lease.q : null;
    },
    async within<T>(q: Q, fn: (q: Q) => Promise<T>): Promise<T> {
      const lease = { q, open: true };
      try {
        return await als.run(lease, () => fn(q));
      } finally {
        lease.open = false;
      }
    },
  };
}

/** One at a time, in arrival order. */
export function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const turn = tail.then(fn);
    tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  };
}
