import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, join } from "node:path";
import { loadSpec, type OpenApiDocument } from "@bksops/api-types";
import { placeholderMasker, secretMasker } from "../mask.js";
import { writeAtomically } from "../mirror/files.js";
import { jsonReport } from "../report/json.js";
import { writeReports } from "../report/write.js";
import type { CheckResult, SuiteResult } from "../types.js";
import { callOf } from "./caller.js";
import { forward } from "./forward.js";
import { exchangeOf, judgeExchange } from "./judge.js";
import { liveResult } from "./live-result.js";
import { livePredictor } from "./predictor.js";
import { type RecordedRule, ruleOf, rulesFile } from "./record.js";
import { routeMatcher } from "./routes.js";

/** The proxy's own paths: never forwarded. */
export const PROXY_PREFIX = "/_bksops-proxy/";

export interface ProxyOptions {
  /** The deployment every request goes to (its path is kept before the request's). */
  upstream: string;
  /**
   * The deployment's ESB (the PaaS host) when it is not at the upstream's root: only its reads can
   * show an older version of a common flow, which a gateway create may need to be predicted.
   */
  esbUrl?: string;
  port?: number;
  host?: string;
  /** How long to wait for the upstream's answer to begin (default 120 000 ms). */
  timeoutMs?: number;
  /** Where the live reports and the recorded rules are written (on demand and at close). */
  reportDir: string;
  /** The recorded rules' file (default `<reportDir>/rules.jsonl`). */
  recordFile?: string;
  spec?: OpenApiDocument;
  /** Called as each exchange is judged. */
  onCheck?: (check: CheckResult) => void;
}

export interface RunningProxy {
  url: string;
  /** Resolves once every exchange so far has been judged (its prediction read and compared). */
  settled(): Promise<void>;
  /** The live-traffic report so far. */
  result(): SuiteResult;
  rules(): RecordedRule[];
  /** Writes junit.xml, report.json, report.html and the rules file; returns their paths. */
  write(): Promise<string[]>;
  /** Stops accepting, lets exchanges in flight end, judges them, writes everything. */
  close(): Promise<string[]>;
}

/**
 * A validating proxy in front of a bk-sops deployment: every request is forwarded and its answer
 * passed back unchanged; each exchange is then checked against the spec and, for a created task,
 * against the task predicted from the template; the exchanges are recorded as scenario rules the
 * reference server can replay. Secrets seen in requests are masked in everything written.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const upstream = new URL(options.upstream);
  const spec = options.spec ?? loadSpec();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const match = routeMatcher(spec);
  const secrets = new Set<string>();
  const finalMask = (text: string) => secretMasker([...secrets])(text);
  const predict = livePredictor(upstream, { timeoutMs, spec, mask: finalMask, esbUrl: options.esbUrl });
  const checks: CheckResult[] = [];
  const rules: RecordedRule[] = [];
  const pending = new Set<Promise<void>>();
  const startedAt = new Date();
  let seq = 0;
  const recordFile = options.recordFile ?? join(options.reportDir, "rules.jsonl");

  const judge = async (captured: Awaited<ReturnType<typeof forward>>, number: number) => {
    const route = match(captured.path);
    const body = captured.requestBody.toString("utf8");
    const call = callOf(route, captured.method, captured.path, captured.requestHeaders, body);
    for (const secret of call.secrets) secrets.add(secret);
    const placeholders: Array<[string, string]> = [];
    if (call.credentials?.appSecret)
      placeholders.push([call.credentials.appSecret, "$BK_SOPS_CONTRACT_APP_SECRET"]);
    if (call.credentials?.bkToken)
      placeholders.push([call.credentials.bkToken, "$BK_SOPS_CONTRACT_BK_TOKEN"]);
    const mask = (text: string) => secretMasker(call.secrets)(placeholderMasker(placeholders)(text));
    const exchange = exchangeOf(captured, route, mask);
    let check: CheckResult;
    try {
      const prediction = route && exchange.response ? await predict(route, call) : undefined;
      check = judgeExchange(spec, number, exchange, route, call, prediction, captured.truncated);
    } catch (error) {
      check = {
        ...judgeExchange(spec, number, exchange, undefined, call, undefined, false),
        status: "skipped",
        reason: `the proxy could not judge it: ${(error as Error).message}`,
      };
    }
    checks.push(check);
    checks.sort((a, b) => (a.id < b.id ? -1 : 1));
    if (route && exchange.response) {
      const rule = ruleOf(route, call, captured, exchange.response, new Date());
      if (rule) rules.push(rule);
    }
    options.onCheck?.(check);
  };

  const own = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").slice(PROXY_PREFIX.length).split("?")[0];
    const send = (status: number, type: string, text: string) => {
      res.writeHead(status, { "Content-Type": type });
      res.end(text);
    };
    if (path === "report.json" && req.method === "GET") {
      await proxy.settled();
      return send(200, "application/json", finalMask(jsonReport(proxy.result())));
    }
    if (path === "rules.jsonl" && req.method === "GET") {
      await proxy.settled();
      return send(200, "application/x-ndjson", finalMask(rulesFile(rules)));
    }
    if (path === "report" && req.method === "POST") {
      const written = await proxy.write();
      return send(200, "application/json", JSON.stringify({ result: true, data: { files: written } }));
    }
    if (path === "healthz")
      return send(200, "application/json", JSON.stringify({ status: "ok", exchanges: seq }));
    return send(
      404,
      "application/json",
      JSON.stringify({ result: false, message: `unknown proxy path ${req.url}` }),
    );
  };

  const server = createServer((req, res) => {
    if ((req.url ?? "").startsWith(PROXY_PREFIX)) {
      void own(req, res);
      return;
    }
    seq += 1;
    const number = seq;
    const done: Promise<void> = forward(req, res, { upstream, timeoutMs })
      .then((captured) => judge(captured, number))
      .finally(() => pending.delete(done));
    pending.add(done);
  });
  server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const proxy: RunningProxy = {
    url: `http://${host}:${address.port}`,
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    result: () => liveResult(upstream.href, checks, startedAt),
    rules: () => [...rules],
    async write() {
      await proxy.settled();
      const written = writeReports(options.reportDir, proxy.result(), finalMask);
      mkdirSync(dirname(recordFile), { recursive: true });
      writeAtomically(dirname(recordFile), basename(recordFile), finalMask(rulesFile(rules)));
      return [...written, recordFile];
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      return proxy.write();
    },
  };
  return proxy;
}
