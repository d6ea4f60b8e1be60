import type { Io } from "../cli.js";
import { UsageError } from "../config.js";
import { readContext } from "../ground/context.js";
import { placeholderMasker, secretMasker } from "../mask.js";
import { baseUrlTarget } from "../targets/base-url.js";
import { TargetError } from "../targets/target.js";
import { ScopeError } from "./crawl.js";
import { MIRROR_USAGE, type MirrorConfig, resolveMirrorConfig } from "./options.js";
import { formatMirrorSummary, runMirror } from "./run.js";
import { StateError } from "./state.js";

/** `bk-sops-contract mirror …`: returns the exit code (see MIRROR_USAGE). */
export async function mirrorMain(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let config: MirrorConfig;
  try {
    config = resolveMirrorConfig(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    for (const line of `${error.message}\n(see bk-sops-contract mirror --help)`.split("\n"))
      io.err(`bk-sops-contract mirror: ${line}`);
    return 2;
  }
  if (config.help) {
    io.out(MIRROR_USAGE);
    return 0;
  }
  const mask = secretMasker([config.appSecret, config.bkToken]);
  try {
    const credentials = {
      appCode: config.appCode,
      appSecret: config.appSecret,
      bkToken: config.bkToken,
      username: config.username,
    };
    const ctx = readContext({
      target: baseUrlTarget({ bases: config.bases }),
      form: config.form,
      credentials,
      bizId: config.bizId,
      timeoutMs: config.timeoutMs,
      // Requests are kept in memory only; still, nothing recorded holds a secret.
      mask: placeholderMasker([
        [config.appSecret, "$BK_SOPS_CONTRACT_APP_SECRET"],
        ...(config.bkToken ? [[config.bkToken, "$BK_SOPS_CONTRACT_BK_TOKEN"] as [string, string]] : []),
      ]),
    });
    const result = await runMirror({
      ctx,
      scope: {
        bizId: config.bizId,
        templateIds: config.templateIds.length > 0 ? config.templateIds : "all",
        commonTemplateIds: config.commonTemplateIds,
        allCommon: config.allCommon,
      },
      out: config.out,
      fresh: config.fresh,
      mask,
      progress: {
        write: (text) => {
          if (config.progress) (io.progress?.write ?? ((t: string) => io.err(t.trimEnd())))(text);
        },
        isTTY: io.progress?.isTTY ?? false,
        columns: io.progress?.columns,
      },
    });
    io.out(mask(formatMirrorSummary(result)));
    return result.failedReads > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ScopeError || error instanceof StateError || error instanceof TargetError) {
      io.err(mask(`bk-sops-contract mirror: ${error.message}`));
      return 2;
    }
    throw error;
  }
}
