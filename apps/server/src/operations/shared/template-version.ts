import { createHash } from "node:crypto";
import type { PipelineTree } from "@bksops/domain";

/**
 * A template's version as bamboo names it: the md5 of its snapshot's JSON (ujson's text: compact,
 * non-ASCII and `/` escaped). Computed once, when a template file is loaded (a file may also name
 * its version); every version loaded is kept and can be asked for by name.
 */
export function templateVersion(tree: PipelineTree): string {
  const text = JSON.stringify(tree)
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\//g, "\\/");
  return createHash("md5").update(text).digest("hex");
}
