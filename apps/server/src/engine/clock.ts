/**
 * Time as the engine sees it: the current time and timers. The server uses the system clock;
 * tests inject a FakeClock and move time forward themselves, so no test sleeps.
 */
export interface Clock {
  now(): number;
  setTimer(delayMs: number, fire: () => void): unknown;
  clearTimer(handle: unknown): void;
}

// setTimeout fires at once for delays above 2^31 - 1 ms; a longer wait is re-armed when it fires.
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The system clock. Its timers do not keep the process alive: a server's socket does that. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, fire) {
    const timer = setTimeout(fire, Math.min(Math.max(0, delayMs), MAX_DELAY_MS));
    timer.unref();
    return timer;
  },
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface FakeTimer {
  at: number;
  seq: number;
  fire: () => void;
}

/** A clock that only moves when told to; `advance` fires the timers that fall due, in order. */
export class FakeClock implements Clock {
  private current: number;
  private seq = 0;
  private readonly timers = new Set<FakeTimer>();

  constructor(start = Date.UTC(2024, 4, 1, 4, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, fire: () => void): unknown {
    const timer = { at: this.current + Math.max(0, delayMs), seq: this.seq++, fire };
    this.timers.add(timer);
    return timer;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as FakeTimer);
  }

  /** How many timers are armed. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer due on the way at its own time. */
  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      const next = [...this.timers]
        .filter((timer) => timer.at <= until)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers.delete(next);
      this.current = Math.max(this.current, next.at);
      next.fire();
    }
    this.current = until;
  }
}
