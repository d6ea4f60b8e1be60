// Types of scripts/mock-server.mjs (exported as `@bksops/openapi/mock`).
import type { PrismServer, StartPrismOptions } from "./prism.d.mts";

export interface StartMockOptions {
  /** Public port of the mock; default `0` (a free port chosen by the OS). */
  port?: number;
  /** Public address of the mock; default `127.0.0.1`. Prism itself always listens on 127.0.0.1. */
  host?: string;
  /** Spec to serve; default this package's `openapi.yaml`. */
  spec?: string;
  /** How long a request waits for Prism while it is restarted, before a 503; default 15 000 ms. */
  restartWaitMs?: number;
  /** How long the front waits for Prism's answer, before a 504; default 30 000 ms. */
  upstreamTimeoutMs?: number;
  /** One line per thing the front did itself: its own answers, Prism's deaths and restarts. */
  onEvent?: (message: string) => void;
  /** Options of the Prism behind the front (`args`, `onOutput`, `timeoutMs`, `env`). */
  prism?: Omit<StartPrismOptions, "port" | "host" | "spec">;
}

export interface MockServer {
  /** Base URL of the front, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  host: string;
  port: number;
  /** The Prism behind the front now; undefined while it is being restarted. */
  readonly prism: PrismServer | undefined;
  /** How many times Prism died and was started again. */
  readonly restarts: number;
  /** Settles when Prism died and could not be started again (three failed starts in a row). */
  gaveUp: Promise<Error>;
  /** Stops the front (requests in flight get 2 s), then Prism. */
  stop(): Promise<void>;
}

/** Thrown when the mock cannot start: `code` is `EADDRINUSE` when its port is taken. */
export declare class MockStartError extends Error {
  constructor(message: string, details?: { code?: string; cause?: unknown });
  readonly code: string | undefined;
}

/** Starts Prism behind the hardened front and resolves once both answer. */
export declare function startMock(options?: StartMockOptions): Promise<MockServer>;
