import type { Io } from "../cli.js";
import { envName, layeredSettings, parseCommandFlags, readConfigFile, UsageError } from "../config.js";
import { formatCheckLine, formatSummary } from "../report/console.js";
import { readRules, replayRules } from "./record.js";
import { PROXY_PREFIX, startProxy } from "./server.js";

export const PROXY_USAGE = `usage: bk-sops-contract proxy --upstream URL [--port N] [options]
       bk-sops-contract proxy --replay FILE --server URL

Forwards every request to the deployment at URL and passes its answer back unchanged; checks each
exchange against the spec and, for a created task, against the task predicted from the template
(read once with the caller's own credentials); records the exchanges as scenario rules.

  --upstream URL      the deployment (its path is kept: http://host/api/bk-sops/prod, or the host)
  --esb-url URL       the deployment's ESB (the PaaS host) when it is not the upstream's host: a
                      gateway create whose subprocess pins an older version of a common flow is
                      predicted from the ESB's preview (default: the upstream's root)
  --port N            port to listen on (default 8010; 0 picks a free one)
  --host ADDRESS      address to listen on (default 127.0.0.1)
  --report-dir DIR    where junit.xml, report.json, report.html and rules.jsonl are written, at
                      exit and on demand (POST ${PROXY_PREFIX}report, or SIGUSR2); default reports/proxy
  --record FILE       the recorded rules (default DIR/rules.jsonl)
  --timeout MS        how long to wait for the upstream's answer to begin (default 120000)
  --quiet             no line per exchange
  --no-color
  --replay FILE       post a recorded rules file to a reference server's control API and exit
  --server URL        the reference server for --replay (e.g. http://127.0.0.1:8000)
  --config FILE       JSON file with the same keys (flags > env > file)

Every flag is also read from ${envName("flag-name")}. While it runs:
  GET ${PROXY_PREFIX}report.json   the live report      GET ${PROXY_PREFIX}rules.jsonl   the rules
Exit codes (at SIGINT/SIGTERM): 0 no exchange broke the spec or the prediction, 1 some did, 2 bad usage.`;

const STRINGS = [
  "upstream",
  "esb-url",
  "port",
  "host",
  "report-dir",
  "record",
  "timeout",
  "replay",
  "server",
  "config",
] as const;
const BOOLEANS = ["quiet", "no-color", "help"] as const;

function resolve(argv: string[], env: NodeJS.ProcessEnv) {
  const flags = parseCommandFlags(argv, { strings: STRINGS, booleans: BOOLEANS });
  const file = readConfigFile(
    (flags.config as string | undefined) ?? env[envName("config")],
    new Set<string>([...STRINGS, ...BOOLEANS]),
  );
  const { text, bool } = layeredSettings<string>(flags, env, file);
  const problems: string[] = [];
  const integer = (key: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = text(key);
    const parsed = Number(value ?? fallback);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max)
      problems.push(`--${key} must be an integer from ${min} to ${max}, not ${value}`);
    return parsed;
  };
  const config = {
    upstream: text("upstream"),
    esbUrl: text("esb-url"),
    port: integer("port", 8010, 0, 65_535),
    host: text("host") ?? "127.0.0.1",
    reportDir: text("report-dir") ?? "reports/proxy",
    record: text("record"),
    timeoutMs: integer("timeout", 120_000, 1),
    replay: text("replay"),
    server: text("server"),
    quiet: bool("quiet"),
    color: bool("no-color") ? false : undefined,
    help: bool("help"),
  };
  if (config.help) return config;
  if (config.replay) {
    if (!config.server)
      problems.push("--replay needs --server URL (the reference server whose rules to set)");
  } else if (!config.upstream) problems.push("give --upstream URL (the deployment to forward to)");
  for (const url of [config.upstream, config.esbUrl, config.server])
    if (url && !URL.canParse(url)) problems.push(`not a URL: ${url}`);
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  return config;
}

/**
 * `bk-sops-contract proxy …`: runs the proxy until SIGINT or SIGTERM (or `stop` resolves, for
 * tests), then writes its reports; or replays a rules file. Returns the exit code.
 */
export async function proxyMain(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: Io,
  stop: Promise<unknown> = new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  }),
): Promise<number> {
  let config: ReturnType<typeof resolve>;
  try {
    config = resolve(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    for (const line of `${error.message}\n(see bk-sops-contract proxy --help)`.split("\n"))
      io.err(`bk-sops-contract proxy: ${line}`);
    return 2;
  }
  if (config.help) {
    io.out(PROXY_USAGE);
    return 0;
  }
  if (config.replay) {
    try {
      const { added } = await replayRules(readRules(config.replay), config.server as string);
      io.out(`bk-sops-contract proxy: ${added} rule(s) of ${config.replay} added to ${config.server}`);
      return 0;
    } catch (error) {
      io.err(`bk-sops-contract proxy: ${(error as Error).message}`);
      return 1;
    }
  }
  const colour = config.color ?? (io.isTTY && !env.NO_COLOR);
  const proxy = await startProxy({
    upstream: config.upstream as string,
    esbUrl: config.esbUrl,
    port: config.port,
    host: config.host,
    timeoutMs: config.timeoutMs,
    reportDir: config.reportDir,
    recordFile: config.record,
    onCheck: (check) => {
      if (!config.quiet) io.out(formatCheckLine(check, colour));
    },
  });
  io.out(`bk-sops-contract proxy: listening on ${proxy.url}, forwarding to ${config.upstream}`);
  io.out(
    `bk-sops-contract proxy: reports in ${config.reportDir} at exit (or POST ${proxy.url}${PROXY_PREFIX}report)`,
  );
  const onDemand = () => void proxy.write().then((files) => io.out(`reports: ${files.join(", ")}`));
  process.on("SIGUSR2", onDemand);
  try {
    await stop;
    const files = await proxy.close();
    const result = proxy.result();
    io.out(formatSummary(result, colour));
    io.out(`reports: ${files.join(", ")}`);
    return result.summary.failed > 0 ? 1 : 0;
  } finally {
    process.off("SIGUSR2", onDemand);
  }
}
