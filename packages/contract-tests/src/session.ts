import { createRequest } from "./checks/requests.js";
import type { Config } from "./config.js";
import { send } from "./http.js";
import { runSuite } from "./run.js";
import { baseUrlTarget } from "./targets/base-url.js";
import { prismTarget } from "./targets/prism.js";
import { referenceTarget } from "./targets/reference.js";
import { DEMO_IDENTITY, type Target, TargetError } from "./targets/target.js";
import type { CheckResult, Identity, SuiteResult } from "./types.js";

/** Opens the target the config names: Prism, the reference server, or base URLs. */
export async function openTarget(config: Config): Promise<Target> {
  if (config.target === "prism") return prismTarget();
  if (config.target === "reference") return referenceTarget();
  const target = baseUrlTarget({ bases: config.bases, demoData: config.demoData });
  return config.demoData ? { ...target, defaults: DEMO_IDENTITY } : target;
}

/** The target's defaults (demo data) overridden by whatever the config gives. */
export function identityOf(config: Config, target: Target): Identity {
  const base = target.defaults ?? { credentials: { appCode: "", appSecret: "" }, bizId: "", templateId: "" };
  const user =
    config.bkToken || config.username ? { bkToken: config.bkToken, username: config.username } : {};
  return {
    credentials: {
      ...base.credentials,
      ...(config.appCode && { appCode: config.appCode }),
      ...(config.appSecret && { appSecret: config.appSecret }),
      ...user,
    },
    bizId: config.bizId ?? base.bizId,
    templateId: config.templateId ?? base.templateId,
    templateSource: config.templateSource ?? base.templateSource,
  };
}

/** Fails with TargetError unless the target answers something (any status) on the form's endpoint. */
export async function probe(target: Target, config: Config, identity: Identity): Promise<void> {
  const { body: _none, ...request } = createRequest(
    { target, identity, form: config.form } as Parameters<typeof createRequest>[0],
    {},
  );
  // A GET creates nothing anywhere: bk-sops answers it 405.
  const exchange = await send(target, { ...request, method: "GET" }, config.timeoutMs);
  if (exchange.error) throw new TargetError(`cannot reach ${exchange.request.url}: ${exchange.error}`);
}

/** Opens the target, checks it is reachable, runs the suite and closes the target. */
export async function runFromConfig(
  config: Config,
  onResult?: (result: CheckResult) => void,
): Promise<SuiteResult> {
  const target = await openTarget(config);
  try {
    if (!target.bases[config.form]) throw new TargetError(`no base URL for the ${config.form} form`);
    const identity = identityOf(config, target);
    await probe(target, config, identity);
    return await runSuite({
      target,
      identity,
      form: config.form,
      allowWrites: config.allowWrites,
      only: config.only,
      skip: config.skip,
      timeoutMs: config.timeoutMs,
      onResult,
    });
  } finally {
    await target.close();
  }
}
