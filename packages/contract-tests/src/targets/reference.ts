import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_IDENTITY, type Target } from "./target.js";

/**
 * Starts the reference server with demo data on a temporary database file, over real HTTP on a
 * free port. The server is imported on demand: a base-URL run never loads it or better-sqlite3.
 */
export async function referenceTarget(): Promise<Target> {
  const { createTestContext, startServer } = await import("@bksops/server/testing");
  const dir = mkdtempSync(join(tmpdir(), "bk-sops-contract-"));
  const context = createTestContext({ databasePath: join(dir, "reference.sqlite") });
  const server = await startServer((request) => context.app.fetch(request), { port: 0, host: "127.0.0.1" });
  return {
    label: `reference server ${server.url}`,
    bases: { esb: server.url, gateway: `${server.url}/api/bk-sops/prod` },
    fetch: (request) => fetch(request),
    demoData: true,
    staticMock: false,
    loopback: true,
    defaults: DEMO_IDENTITY,
    close: async () => {
      await server.close();
      context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
