#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Config, envName, resolveConfig, UsageError } from "./config.js";
import { secretMasker } from "./mask.js";
import { formatCheckLine, formatSummary } from "./report/console.js";
import { writeReports } from "./report/write.js";
import { listChecks, NothingSelectedError, WritesRefusedError } from "./run.js";
import { runFromConfig } from "./session.js";
import { TargetError } from "./targets/target.js";
import { exitCodeOf, gateProblems } from "./verdict.js";

const USAGE = `usage: bk-sops-contract (--base-url URL | --target prism|reference) [options]
       bk-sops-contract mirror …   copy a deployment's templates into a TEMPLATES_DIR (mirror --help)
       bk-sops-contract proxy …    a validating proxy for live traffic (proxy --help)

  --form esb|gateway        form the semantics and negative checks use (default esb)
  --esb-url, --gateway-url  base URL of the other form too: examples run in every form given
  --app-code, --app-secret  the app's credentials
  --bk-token | --username   the user (bk_username needs a whitelisted app)
  --biz-id, --template-id   business and template (with optional nodes, variables, schemes)
  --template-source SRC     project (default) or common
  --common-template-id ID   a common template for the common-template examples (else discovered)
  --trusted-app-code, --trusted-app-secret
                            an app on bk-sops' whitelist, for the examples of what it gets
  --unprivileged-bk-token T a user IAM grants nothing, for the examples of what such a user gets
  --example-templates MAP   ids your deployment gave the imported fixtures: 1=17,2=18,…,100=4
  --demo-data               the base URL is a reference server with its demo data
  --allow-writes            create tasks on a host that is not loopback
  --allow-starts            let the task examples start tasks there (they run for real)
  --read-only               run only the checks that create nothing
  --max-skipped N           fail when more than N checks are skipped (--fail-on-skip: N = 0)
  --max-latency-ms MS       fail when a check family's p95 round trip is above MS
  --max-exclusions N        exclude at most N optional nodes one by one (default 8)
  --only ID,..  --skip ID,..  select checks by id, dotted prefix or glob
  --timeout MS              per request (default 10000)
  --report-dir DIR          write junit.xml, report.json, report.html
  --config FILE             JSON file with the same keys (flags > env > file)
  --list                    print every check id and exit
  --no-color

Every flag is also read from ${envName("flag-name")} (e.g. ${envName("app-secret")}).
Exit codes: 0 every check that applies passed, 1 a check failed or a gate broke,
2 bad usage, a refused write, an empty selection or a preflight problem.`;

/** What the CLI writes to; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** Where live progress goes (stderr): written as is, redrawn in place on a terminal. */
  progress?: { write(text: string): void; isTTY: boolean; columns?: number };
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTTY: !!process.stdout.isTTY,
  progress: {
    write: (text) => process.stderr.write(text),
    isTTY: !!process.stderr.isTTY,
    columns: process.stderr.columns,
  },
};

/** Writes one line per problem on stderr, and returns 2. */
function usage(io: Io, mask: (text: string) => string, message: string): number {
  for (const line of message.split("\n")) io.err(mask(`bk-sops-contract: ${line}`));
  return 2;
}

/** Runs the CLI and returns its exit code (see USAGE). */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
): Promise<number> {
  // The subcommands load only what they need (a base-URL run never loads the reference server).
  if (argv[0] === "mirror") return (await import("./mirror/cli.js")).mirrorMain(argv.slice(1), env, io);
  if (argv[0] === "proxy") return (await import("./proxy/cli.js")).proxyMain(argv.slice(1), env, io);
  let config: Config;
  try {
    config = resolveConfig(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usage(io, (t) => t, `${error.message}\n(see --help)`);
  }
  if (config.help) {
    io.out(USAGE);
    return 0;
  }
  if (config.list) {
    for (const check of listChecks()) io.out(`${check.id}  ${check.title}`);
    return 0;
  }
  const mask = secretMasker([
    config.appSecret,
    config.bkToken,
    config.trustedAppSecret,
    config.unprivilegedBkToken,
  ]);
  const colour = config.color ?? (io.isTTY && !env.NO_COLOR);
  try {
    io.out(mask(`bk-sops-contract: checking ${describeTarget(config)}`));
    const result = await runFromConfig(config, (check) => io.out(mask(formatCheckLine(check, colour))));
    if (result.preflight.problems.length > 0) {
      io.err(
        mask(
          `bk-sops-contract: the preflight found ${result.preflight.problems.length} problem(s); no check ran:`,
        ),
      );
      for (const problem of result.preflight.problems) io.err(mask(`bk-sops-contract: ${problem}`));
      if (config.reportDir) io.out(`reports: ${writeReports(config.reportDir, result, mask).join(", ")}`);
      return 2;
    }
    const problems = gateProblems(result, {
      maxSkipped: config.maxSkipped,
      maxLatencyMs: config.maxLatencyMs,
    });
    io.out(mask(formatSummary(result, colour, problems)));
    if (config.reportDir) io.out(`reports: ${writeReports(config.reportDir, result, mask).join(", ")}`);
    return exitCodeOf(result, problems);
  } catch (error) {
    if (
      error instanceof TargetError ||
      error instanceof WritesRefusedError ||
      error instanceof NothingSelectedError
    )
      return usage(io, mask, error.message.split("\n")[0] ?? "");
    throw error;
  }
}

/** The target and forms a run is about to check, before it starts. */
function describeTarget(config: Config): string {
  if (config.target) return `the ${config.target} target (esb and gateway forms)`;
  const forms = (["esb", "gateway"] as const).filter((form) => config.bases[form]);
  return forms.map((form) => `${config.bases[form]} (${form} form)`).join(" and ");
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
