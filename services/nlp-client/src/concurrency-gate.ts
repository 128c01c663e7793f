/**
 * At most `limit` holders at once; the rest wait in arrival order. A waiter that gives up (its
 * deadline passed) leaves the queue without ever holding the gate.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly limit: number) {}

  /** Runs `start` now or once a holder leaves; returns a cancel for a waiter that gives up. */
  enter(start: () => void): () => void {
    if (this.active < this.limit) {
      this.active++;
      start();
      return noop;
    }
    this.waiting.add(start);
    return () => this.waiting.delete(start);
  }

  /** Called once by every holder when it is done. */
  leave(): void {
    // A Set iterates in insertion order: the first waiter is the oldest.
    const next = this.waiting.values().next();
    if (next.done) {
      this.active--;
      return;
    }
    this.waiting.delete(next.value);
    next.value();
  }

  get queued(): number {
    return this.waiting.size;
  }
}

const noop = (): void => undefined;
