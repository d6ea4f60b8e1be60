import { loadSpec } from "@bksops/api-types";
import { envName, layeredSettings, parseCommandFlags, readConfigFile, UsageError } from "../config.js";
import { operationPathIn } from "../operations.js";
import type { Form } from "../types.js";

export const MIRROR_USAGE = `usage: bk-sops-contract mirror --base-url URL --app-code CODE --app-secret SECRET
         (--bk-token TOKEN | --username NAME) --biz-id N [--template-id ID,…] --out DIR [options]

Copies a deployment's templates into DIR, a folder the reference server loads as TEMPLATES_DIR.
Only bk-sops' read operations are called (template lists, infos, schemes, previews).

  --base-url URL            the deployment, in the --form form (ESB: the PaaS host; gateway:
                            …/api/bk-sops/prod)
  --esb-url, --gateway-url  the other form's base too (the common template preview is ESB only)
  --form esb|gateway        the form to read through (default esb)
  --app-code, --app-secret  the app's credentials
  --bk-token | --username   the user (bk_username needs a whitelisted app)
  --biz-id N                the business
  --template-id ID,…        only these project templates (default: every one get_template_list shows)
  --common-template-id ID,… common templates to copy besides those the templates use
  --all-common              copy every common template, used or not
  --out DIR                 the folder to write (created; an interrupted mirror there resumes)
  --fresh                   start over, even if DIR holds an unfinished mirror
  --timeout MS              per request (default 10000)
  --config FILE             JSON file with the same keys (flags > env > file)
  --no-progress             no progress bar or lines

Every flag is also read from ${envName("flag-name")} (e.g. ${envName("app-secret")}).
Exit codes: 0 mirrored (the summary lists what was skipped and why), 1 some reads failed (run the
same command again: it resumes), 2 bad usage, a scope that cannot be read, or DIR holding another
unfinished mirror.`;

const STRINGS = [
  "base-url",
  "esb-url",
  "gateway-url",
  "form",
  "app-code",
  "app-secret",
  "bk-token",
  "username",
  "biz-id",
  "out",
  "timeout",
  "config",
] as const;
const BOOLEANS = ["all-common", "fresh", "no-progress", "help"] as const;
const LISTS = ["template-id", "common-template-id"] as const;

export interface MirrorConfig {
  bases: Partial<Record<Form, string>>;
  form: Form;
  appCode: string;
  appSecret: string;
  bkToken?: string;
  username?: string;
  bizId: string;
  templateIds: string[];
  commonTemplateIds: string[];
  allCommon: boolean;
  out: string;
  fresh: boolean;
  timeoutMs: number;
  progress: boolean;
  help: boolean;
}

/** Reads the mirror's flags, then the environment, then the config file; UsageError lists every problem. */
export function resolveMirrorConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): MirrorConfig {
  const flags = parseCommandFlags(argv, { strings: STRINGS, booleans: BOOLEANS, lists: LISTS });
  const file = readConfigFile(
    (flags.config as string | undefined) ?? env[envName("config")],
    new Set<string>([...STRINGS, ...BOOLEANS, ...LISTS]),
  );
  const { raw, text, bool } = layeredSettings<string>(flags, env, file);
  const list = (key: string) => {
    const value = raw(key);
    const items = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
    return items
      .flatMap((item) => item.split(","))
      .map((item) => item.trim())
      .filter(Boolean);
  };
  const problems: string[] = [];
  const help = bool("help");
  const form = text("form") ?? "esb";
  if (form !== "esb" && form !== "gateway") problems.push(`--form must be esb or gateway, not ${form}`);
  const bases: Partial<Record<Form, string>> = { esb: text("esb-url"), gateway: text("gateway-url") };
  const baseUrl = text("base-url");
  if (baseUrl) bases[form as Form] = baseUrl;
  for (const url of Object.values(bases)) {
    if (!url) continue;
    if (!URL.canParse(url)) problems.push(`not a URL: ${url}`);
    else {
      const operation = operationPathIn(url, loadSpec());
      if (operation)
        problems.push(
          `${url} ends in an operation path (${operation}): give the base URL, e.g. https://bkapi.example.com/api/bk-sops/prod`,
        );
    }
  }
  const timeout = Number(text("timeout") ?? "10000");
  if (!Number.isInteger(timeout) || timeout < 1)
    problems.push(`--timeout must be an integer >= 1, not ${text("timeout")}`);
  const templateIds = list("template-id");
  const commonTemplateIds = list("common-template-id");
  for (const id of [...templateIds, ...commonTemplateIds])
    if (!/^[1-9][0-9]*$/.test(id)) problems.push(`a template id is a positive integer, not ${id}`);
  const config: MirrorConfig = {
    bases,
    form: form as Form,
    appCode: text("app-code") ?? "",
    appSecret: text("app-secret") ?? "",
    bkToken: text("bk-token"),
    username: text("username"),
    bizId: text("biz-id") ?? "",
    templateIds,
    commonTemplateIds,
    allCommon: bool("all-common"),
    out: text("out") ?? "",
    fresh: bool("fresh"),
    timeoutMs: timeout,
    progress: !bool("no-progress"),
    help,
  };
  if (help) return config;
  if (!bases[config.form]) problems.push(`give --base-url URL (the ${config.form} form's base)`);
  const missing: string[] = ["app-code", "app-secret", "biz-id", "out"].filter((key) => !text(key));
  if (!config.bkToken && !config.username) missing.push("bk-token");
  if (missing.length > 0)
    problems.push(
      `missing ${missing.map((k) => `--${k}`).join(", ")} (or ${missing.map(envName).join(", ")})`,
    );
  if (config.bizId && !/^[1-9][0-9]*$/.test(config.bizId))
    problems.push(`--biz-id is a positive integer, not ${config.bizId}`);
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  return config;
}
