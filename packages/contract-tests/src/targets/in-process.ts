import { createTestContext } from "@bksops/server/testing";
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

/** The reference server's app with demo data on a fresh `:memory:` database, called in-process. */
export function inProcessTarget(): Target {
  const context = createTestContext();
  const target = fetchTarget((request) => context.app.fetch(request), "reference (in-process)");
  return { ...target, close: async () => context.close() };
}
