import { DEMO_IDENTITY, type Target, TargetError } from "./target.js";

/**
 * Starts the Prism mock of the spec as `npm run mock` runs it (Prism behind the front that answers
 * hostile bodies and restarts Prism) on a free loopback port; it answers both forms at its root.
 */
export async function prismTarget(): Promise<Target> {
  // Imported lazily so that the other targets never load the mock.
  const { startMock } = await import("@bksops/openapi/mock");
  let mock: Awaited<ReturnType<typeof startMock>>;
  try {
    mock = await startMock({ host: "127.0.0.1" });
  } catch (error) {
    throw new TargetError(`the Prism mock did not start: ${String((error as Error).message).split("\n")[0]}`);
  }
  return {
    label: `Prism mock ${mock.url}`,
    bases: { esb: mock.url, gateway: mock.url },
    fetch: (request) => fetch(request),
    demoData: true,
    staticMock: true,
    loopback: true,
    // Prism checks only the request's shape; template 1 is the published example's.
    defaults: { ...DEMO_IDENTITY, templateId: "1" },
    close: () => mock.stop(),
  };
}
