#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Config, envName, resolveConfig, UsageError } from "./config.js";
import { secretMasker } from "./mask.js";
import { formatCheckLine, formatSummary } from "./report/console.js";
import { writeReports } from "./report/write.js";
import { listChecks } from "./run.js";
import { runFromConfig } from "./session.js";
import { TargetError } from "./targets/target.js";

const USAGE = `usage: bk-sops-contract (--base-url URL | --target prism|reference) [options]

  --form esb|gateway        form of create_task to test (default esb)
  --app-code, --app-secret  the app's credentials
  --bk-token | --username   the user (bk_username needs a whitelisted app)
  --biz-id, --template-id   business and template to create tasks from
  --template-source SRC     business (default) or common
  --esb-url, --gateway-url  base URL of the other form too, to test both
  --demo-data               the base URL is a reference server with its demo data
  --allow-writes            create tasks on a host that is not loopback
  --only ID,..  --skip ID,..  select checks by id, dotted prefix or glob
  --timeout MS              per request (default 10000)
  --report-dir DIR          write junit.xml, report.json, report.html
  --config FILE             JSON file with the same keys (flags > env > file)
  --list                    print every check id and exit
  --no-color

Every flag is also read from ${envName("flag-name")} (e.g. ${envName("app-secret")}).
Exit codes: 0 every check that applies passed, 1 a check failed, 2 bad usage or unreachable target.`;

/** What the CLI writes to; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTTY: !!process.stdout.isTTY,
};

/** Runs the CLI and returns its exit code: 0 passed, 1 failed, 2 bad usage or unreachable target. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
): Promise<number> {
  let config: Config;
  try {
    config = resolveConfig(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`bk-sops-contract: ${error.message} (see --help)`);
    return 2;
  }
  if (config.help) {
    io.out(USAGE);
    return 0;
  }
  if (config.list) {
    for (const check of listChecks()) io.out(`${check.id}  ${check.title}`);
    return 0;
  }
  const mask = secretMasker([config.appSecret, config.bkToken]);
  const colour = config.color ?? (io.isTTY && !env.NO_COLOR);
  try {
    const result = await runFromConfig(config, (check) => io.out(mask(formatCheckLine(check, colour))));
    io.out(mask(formatSummary(result, colour)));
    if (config.reportDir) io.out(`reports: ${writeReports(config.reportDir, result, mask).join(", ")}`);
    return result.summary.failed > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    io.err(mask(`bk-sops-contract: ${error.message.split("\n")[0]}`));
    return 2;
  }
}

// Run only as a program (the bin, or `node dist/cli.js`), not when imported by tests.
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bk-sops-contract: internal error: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
