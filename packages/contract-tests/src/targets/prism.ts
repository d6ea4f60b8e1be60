import { DEMO_IDENTITY, type Target, TargetError } from "./target.js";

/** Starts the Prism mock of the spec on a free loopback port; it answers both forms at its root. */
export async function prismTarget(): Promise<Target> {
  // Imported lazily so that the other targets never load the Prism helper.
  const { startPrism } = await import("@bksops/openapi/prism");
  let prism: Awaited<ReturnType<typeof startPrism>>;
  try {
    prism = await startPrism({ host: "127.0.0.1" });
  } catch (error) {
    throw new TargetError(`Prism did not start: ${String((error as Error).message).split("\n")[0]}`);
  }
  return {
    label: `Prism mock ${prism.url}`,
    bases: { esb: prism.url, gateway: prism.url },
    fetch: (request) => fetch(request),
    demoData: true,
    staticMock: true,
    loopback: true,
    // Prism checks only the request's shape; template 1 is the published example's.
    defaults: { ...DEMO_IDENTITY, templateId: "1" },
    close: () => prism.stop(),
  };
}
