import CircuitBreaker from 'opossum';

/**
 * Stops the gateway hammering a backend that keeps failing. After `failureThreshold` failures in a
 * row the circuit opens: calls fail at once for `cooldownMs`. Then one trial call is let through
 * (half-open); its success closes the circuit, its failure opens it again.
 *
 * opossum keeps the states, the cooldown timer and the single trial. Its own trip rule (an error
 * percentage over a rolling window) is switched off for ours, failures in a row, which is what
 * BREAKER_FAILURES has always meant.
 */
export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface Breaker {
  readonly state: BreakerState;
  /**
   * Runs `action` unless the circuit is open (then rejects with an error that `isOpenCircuit`
   * knows). A rejection, or a result `failed` says is one, counts as a failure; the result is
   * returned either way.
   */
  run<T>(action: () => Promise<T>, failed?: (result: T) => boolean): Promise<T>;
  /** Milliseconds until a call may be tried again; 0 when one may be tried now. */
  retryAfterMs(): number;
  /** Closes the circuit at once, e.g. when a readiness probe finds the backend back. */
  reset(): void;
  shutdown(): void;
}

/** Carries a result that counts as a failure through opossum, which counts only rejections. */
class FailedResult {
  constructor(readonly result: unknown) {}
}

export const isOpenCircuit = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'EOPENBREAKER';

export function createBreaker(options: BreakerOptions): Breaker {
  const breaker = new CircuitBreaker((action: () => Promise<unknown>) => action(), {
    timeout: false,
    resetTimeout: options.cooldownMs,
    volumeThreshold: Number.MAX_SAFE_INTEGER,
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
  });
  let failuresInARow = 0;
  let openedAt = 0;
  breaker.on('success', () => (failuresInARow = 0));
  breaker.on('close', () => (failuresInARow = 0));
  breaker.on('open', () => (openedAt = Date.now()));
  breaker.on('failure', () => {
    failuresInARow += 1;
    if (failuresInARow >= options.failureThreshold) breaker.open();
  });

  return {
    get state() {
      return breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed';
    },
    async run<T>(action: () => Promise<T>, failed?: (result: T) => boolean): Promise<T> {
      const checked = async (): Promise<T> => {
        const result = await action();
        if (failed?.(result)) throw new FailedResult(result);
        return result;
      };
      try {
        return (await breaker.fire(checked)) as T;
      } catch (error) {
        if (error instanceof FailedResult) return error.result as T;
        throw error;
      }
    },
    retryAfterMs: () => (breaker.opened ? Math.max(0, openedAt + options.cooldownMs - Date.now()) : 0),
    reset: () => {
      failuresInARow = 0;
      breaker.close();
    },
    shutdown: () => breaker.shutdown(),
  };
}
