import type { Form, Identity } from "../types.js";

/** A fetch function: the in-process app's, or the global fetch. */
export type FetchFn = (request: Request) => Response | Promise<Response>;

/** How to reach one implementation of create_task, and what it can do. */
export interface Target {
  /** Shown in reports, e.g. `reference (in-process)` or a base URL. */
  label: string;
  /** The base URL of each form the target answers (ESB: host; gateway: `…/api/bk-sops/prod`). */
  bases: Partial<Record<Form, string>>;
  fetch: FetchFn;
  /** It holds the reference server's demo data, so `fixture: demo` examples apply. */
  demoData: boolean;
  /** A static mock (Prism): answers documented examples, creates nothing. */
  staticMock: boolean;
  /** No request leaves this machine, so creating tasks needs no `--allow-writes`. */
  loopback: boolean;
  /** Credentials and ids that work out of the box (demo data), used when none are given. */
  defaults?: Identity;
  close(): Promise<void>;
}

/** The demo data's credentials; template 4 has global variables, an optional and a required node. */
export const DEMO_IDENTITY: Identity = {
  credentials: { appCode: "esb_test", appSecret: "xxx", bkToken: "xxx" },
  bizId: "2",
  templateId: "4",
};

/**
 * The demo data's other callers, as the spec's examples name them: the user IAM grants nothing
 * (`guest`) and the app on bk-sops' whitelist. An example that keeps one of these credentials
 * documents what that kind of caller gets.
 */
export const DEMO_CALLERS = { unprivilegedBkToken: "guest-token", trustedAppCode: "demo_trusted" };

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Thrown when a target cannot be started or reached; the CLI exits 2 with its message. */
export class TargetError extends Error {
  override name = "TargetError";
}
