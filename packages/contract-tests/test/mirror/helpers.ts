import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIZ, CALLER } from "./stand-in.js";

/** A new empty folder under the system's temporary folder. */
export const temporaryDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** What a frontend team passes to mirror their business (the secret goes through the environment). */
export const mirrorArgs = (
  deployment: { esb: string; gateway: string },
  out: string,
  extra: string[] = [],
) => [
  "--base-url",
  deployment.esb,
  "--gateway-url",
  deployment.gateway,
  "--app-code",
  CALLER.appCode,
  "--bk-token",
  CALLER.bkToken,
  "--biz-id",
  String(BIZ),
  "--out",
  out,
  ...extra,
];
