// The reference server standing in for a real deployment: no demo data, the templates of
// fixtures/templates (business 7, another business 8, a common template), one app and one user,
// over real HTTP on a free loopback port; optionally behind a deliberately broken wrapper.
import { fileURLToPath } from "node:url";
import { createTestContext, startServer, type TestServerContext } from "@bksops/server/testing";
import type { FetchFn } from "../src/index.js";

export const TEMPLATES_DIR = fileURLToPath(new URL("./fixtures/templates/", import.meta.url));

/** What a QA engineer would pass: credentials, business and template, nothing of the demo data. */
export const QA = {
  appCode: "qa_app",
  appSecret: "qa-secret-4a7c",
  bkToken: "qa-token-9e1f",
  bizId: "7",
  templateId: "701",
  /** A second user of the deployment, whom IAM grants nothing. */
  unprivilegedBkToken: "qa-nobody-3d2b",
  /** An app on the deployment's whitelist (bk-sops trusts it: no IAM check). */
  trustedAppCode: "qa_trusted",
  trustedAppSecret: "qa-trusted-5b8e",
};

export interface Deployment {
  /** The ESB base (the PaaS host) and the gateway base (`…/api/bk-sops/prod`). */
  esb: string;
  gateway: string;
  context: TestServerContext;
  close(): Promise<void>;
}

/** Starts the stand-in deployment; `wrap` puts a fault in front of it. */
export async function startDeployment(
  wrap: (app: FetchFn, context: TestServerContext) => FetchFn = (app) => app,
): Promise<Deployment> {
  const context = createTestContext({
    demoData: false,
    templatesDir: TEMPLATES_DIR,
    credentials: [
      {
        app: { code: QA.appCode, secret: QA.appSecret },
        user: { username: "qa", bkToken: QA.bkToken },
      },
      {
        app: { code: QA.appCode, secret: QA.appSecret },
        user: { username: "qa-nobody", bkToken: QA.unprivilegedBkToken, granted: false },
      },
      {
        app: { code: QA.trustedAppCode, secret: QA.trustedAppSecret, trusted: true },
        user: { username: "qa", bkToken: QA.bkToken },
      },
    ],
  });
  if (context.templates.skipped.length > 0)
    throw new Error(`fixture templates skipped: ${JSON.stringify(context.templates.skipped)}`);
  const app: FetchFn = (request) => context.app.fetch(request);
  const server = await startServer(wrap(app, context), { port: 0, host: "127.0.0.1" });
  return {
    esb: server.url,
    gateway: `${server.url}/api/bk-sops/prod`,
    context,
    close: async () => {
      await server.close();
      context.close();
    },
  };
}

/** The identity of QA for runSuite. */
export const QA_IDENTITY = {
  credentials: { appCode: QA.appCode, appSecret: QA.appSecret, bkToken: QA.bkToken },
  bizId: QA.bizId,
  templateId: QA.templateId,
};
