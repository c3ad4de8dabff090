// Circuit breaker: after `failureThreshold` consecutive failures the model is not asked for
// `coolDownMs`; the bot answers from the rules at once. Then one probe is let through (half-open): its
// success closes the circuit, its failure opens it for another cool-down.
export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === null) return "closed";
    return this.now() - this.openedAt >= this.options.coolDownMs ? "half-open" : "open";
  }

  /** Whether a request may go out now. In half-open state only one probe at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  /** Returns true when this failure opened (or re-opened) the circuit. */
  failure(): boolean {
    const wasProbe = this.probing;
    this.probing = false;
    this.failures += 1;
    if (wasProbe || this.failures >= this.options.failureThreshold) {
      const reopened = this.openedAt === null || wasProbe;
      this.openedAt = this.now();
      return reopened;
    }
    return false;
  }
}
