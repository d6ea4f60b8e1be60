import type { Form } from "../types.js";
import { isLoopbackUrl, type Target, TargetError } from "./target.js";

export interface BaseUrlOptions {
  /** Base URL of each form to test; at least one. */
  bases: Partial<Record<Form, string>>;
  /** The deployment is a reference server with its demo data (`fixture: demo` examples apply). */
  demoData?: boolean;
}

/** Any running implementation reachable over HTTP; loopback only if every base URL is. */
export function baseUrlTarget(options: BaseUrlOptions): Target {
  const bases: Partial<Record<Form, string>> = {};
  for (const [form, url] of Object.entries(options.bases) as [Form, string | undefined][]) {
    if (!url) continue;
    try {
      new URL(url);
    } catch {
      throw new TargetError(`not a URL: ${url}`);
    }
    bases[form] = url.replace(/\/+$/, "");
  }
  const urls = Object.values(bases);
  if (urls.length === 0) throw new TargetError("no base URL given");
  return {
    label: urls.join(" , "),
    bases,
    fetch: (request) => fetch(request),
    demoData: options.demoData ?? false,
    staticMock: false,
    loopback: urls.every(isLoopbackUrl),
    close: async () => {},
  };
}
