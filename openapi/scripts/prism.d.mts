// Types of scripts/prism.mjs (exported as `@bksops/openapi/prism`).

export interface StartPrismOptions {
  /** Port to listen on; default: a free port chosen by the OS. */
  port?: number;
  /** Address to listen on; default `127.0.0.1`. */
  host?: string;
  /** Spec to serve; default this package's `openapi.yaml`. */
  spec?: string;
  /** How long to wait for Prism's "listening" line; default 30 000 ms. */
  timeoutMs?: number;
  /** Extra `prism mock` arguments, e.g. `["--errors"]` or `["-v", "warn"]`. */
  args?: string[];
  /** Receives Prism's output as it comes (otherwise only its tail is kept for errors). */
  onOutput?: (chunk: string, stream: "stdout" | "stderr") => void;
  /** Extra environment variables for Prism. */
  env?: Record<string, string>;
}

export interface PrismServer {
  /** Base URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  host: string;
  port: number;
  /** Process id of Prism. */
  pid: number;
  /** Settles when Prism exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGTERM (SIGKILL after `graceMs`, default 5 000) and resolves once Prism has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Thrown when Prism exits, or stays silent, before it is listening; `output` is its output tail. */
export declare class PrismStartError extends Error {
  constructor(message: string, output: string);
  readonly output: string;
}

/** Absolute path of `openapi.yaml`. */
export declare const specPath: string;

/** A port that is free right now on `host` (listen on 0, read, close). */
export declare function freePort(host?: string): Promise<number>;

/** Starts `prism mock` on the spec and resolves once it is listening. */
export declare function startPrism(options?: StartPrismOptions): Promise<PrismServer>;
