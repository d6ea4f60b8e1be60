import type { OpenApiDocument } from "@bksops/api-types";
import { ESB_PREFIX } from "./http.js";
import type { Form } from "./types.js";

/** One bk-sops operation as the spec documents it: its path and operationId in each form. */
export interface SpecOperation {
  /** bk-sops' name, e.g. `get_template_info`. */
  name: string;
  method: string;
  operationIds: Partial<Record<Form, string>>;
  /** The gateway path template, e.g. `/get_template_info/{template_id}/{bk_biz_id}/`. */
  gatewayPath?: string;
}

const nameOf = (path: string): string | undefined =>
  (path.startsWith(`${ESB_PREFIX}/`) ? path.slice(ESB_PREFIX.length) : path).split("/")[1];

/** Every operation of the spec by bk-sops name (read from its paths, so new operations need no code). */
export function specOperations(spec: OpenApiDocument): Map<string, SpecOperation> {
  const found = new Map<string, SpecOperation>();
  for (const [path, item] of Object.entries(spec.paths)) {
    const name = nameOf(path);
    if (!name) continue;
    for (const [method, operation] of Object.entries(item)) {
      const id = (operation as { operationId?: unknown })?.operationId;
      if (typeof id !== "string") continue;
      const entry = found.get(name) ?? { name, method: method.toUpperCase(), operationIds: {} };
      const form: Form = path.startsWith(`${ESB_PREFIX}/`) ? "esb" : "gateway";
      entry.operationIds[form] = id;
      if (form === "gateway") entry.gatewayPath = path;
      found.set(name, entry);
    }
  }
  return found;
}

/** Whether a base URL ends in one of the spec's operation paths (a common copy-paste mistake). */
export function operationPathIn(url: string, spec: OpenApiDocument): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  for (const name of specOperations(spec).keys()) {
    const match = new RegExp(`/${name}(/[^/]*)*/?$`).exec(path);
    if (match) return match[0];
  }
  return undefined;
}
