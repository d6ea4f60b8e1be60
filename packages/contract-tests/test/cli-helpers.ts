import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";
import { main } from "../src/cli.js";
import { QA } from "./deployment.js";

/** A loopback port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Runs the CLI in-process and collects what it printed. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * What a QA engineer passes for the stand-in deployment: base URLs, credentials (the app and its
 * user, a second user IAM grants nothing, an app on the whitelist), business, template.
 */
export const qaArgs = (deployment: { esb: string; gateway: string }, extra: string[] = []) => [
  "--base-url",
  deployment.esb,
  "--gateway-url",
  deployment.gateway,
  "--app-code",
  QA.appCode,
  "--bk-token",
  QA.bkToken,
  "--biz-id",
  QA.bizId,
  "--template-id",
  QA.templateId,
  "--unprivileged-bk-token",
  QA.unprivilegedBkToken,
  "--trusted-app-code",
  QA.trustedAppCode,
  ...extra,
];

/** The secret goes through the environment, as the README advises. */
export const QA_ENV = {
  BK_SOPS_CONTRACT_APP_SECRET: QA.appSecret,
  BK_SOPS_CONTRACT_TRUSTED_APP_SECRET: QA.trustedAppSecret,
};

/** The same arguments without the whitelisted app: its examples skip. */
export const withoutTrusted = (args: string[]) =>
  args.filter((arg, index) => arg !== "--trusted-app-code" && args[index - 1] !== "--trusted-app-code");
