import { DEMO_IDENTITY, type FetchFn, type Target } from "./target.js";

// In-process requests never leave the process; the host only shapes the URLs in reports.
const HOST = "http://reference.in-process";

/** A target over any fetch function that speaks the reference server's routes (e.g. a test wrapper). */
export function fetchTarget(fetch: FetchFn, label = "in-process app"): Target {
  return {
    label,
    bases: { esb: HOST, gateway: `${HOST}/api/bk-sops/prod` },
    fetch,
    demoData: true,
    staticMock: false,
    loopback: true,
    defaults: DEMO_IDENTITY,
    close: async () => {},
  };
}

/**
 * The reference server's app with demo data on a fresh `:memory:` database, called in-process.
 * The server (and better-sqlite3) is imported here, on demand, so that a run against a base URL
 * never loads it.
 */
export async function inProcessTarget(): Promise<Target> {
  const { createTestContext } = await import("@bksops/server/testing");
  const context = createTestContext();
  const target = fetchTarget((request) => context.app.fetch(request), "reference (in-process)");
  return { ...target, close: async () => context.close() };
}
