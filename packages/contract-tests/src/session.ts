import type { Config } from "./config.js";
import { runSuite } from "./run.js";
import { baseUrlTarget } from "./targets/base-url.js";
import { DEMO_IDENTITY, type Target } from "./targets/target.js";
import type { CheckResult, Identity, SuiteResult } from "./types.js";

/**
 * Opens the target the config names: Prism, the reference server, or base URLs. Only the first
 * two load anything of this toolkit's server or mock, and only when asked for (dynamic imports).
 */
export async function openTarget(config: Config): Promise<Target> {
  if (config.target === "prism") return (await import("./targets/prism.js")).prismTarget();
  if (config.target === "reference") return (await import("./targets/reference.js")).referenceTarget();
  const target = baseUrlTarget({ bases: config.bases, demoData: config.demoData });
  return config.demoData ? { ...target, defaults: DEMO_IDENTITY } : target;
}

/** The target's defaults (demo data) overridden by whatever the config gives. */
export function identityOf(config: Config, target: Target): Identity {
  const base = target.defaults ?? { credentials: { appCode: "", appSecret: "" }, bizId: "", templateId: "" };
  const user =
    config.bkToken || config.username ? { bkToken: config.bkToken, username: config.username } : {};
  const credentials = {
    ...base.credentials,
    ...(config.appCode && { appCode: config.appCode }),
    ...(config.appSecret && { appSecret: config.appSecret }),
    ...user,
  };
  return {
    credentials,
    bizId: config.bizId ?? base.bizId,
    templateId: config.templateId ?? base.templateId,
    templateSource: config.templateSource ?? base.templateSource,
    commonTemplateId: config.commonTemplateId ?? base.commonTemplateId,
    exampleTemplates: config.exampleTemplates ?? base.exampleTemplates,
    unprivilegedBkToken: config.unprivilegedBkToken ?? base.unprivilegedBkToken,
    trustedCredentials:
      config.trustedAppCode && config.trustedAppSecret
        ? { ...credentials, appCode: config.trustedAppCode, appSecret: config.trustedAppSecret }
        : base.trustedCredentials,
  };
}

/** Opens the target, runs the suite (preflight first) and closes the target. */
export async function runFromConfig(
  config: Config,
  onResult?: (result: CheckResult) => void,
): Promise<SuiteResult> {
  const target = await openTarget(config);
  try {
    return await runSuite({
      target,
      identity: identityOf(config, target),
      form: target.bases[config.form] ? config.form : undefined,
      allowWrites: config.allowWrites,
      allowStarts: config.allowStarts,
      readOnly: config.readOnly,
      only: config.only,
      skip: config.skip,
      timeoutMs: config.timeoutMs,
      maxExclusions: config.maxExclusions,
      onResult,
    });
  } finally {
    await target.close();
  }
}
