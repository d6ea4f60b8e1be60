/**
 * Limits on a request body, shared by every implementation in this toolkit that reads one (the
 * reference server and the front of the Prism mock), so both refuse the same bodies.
 */

/**
 * The largest body accepted: 1 MiB. The real service's limit comes from its gateway and web
 * server; the spec documents this one (its `PayloadTooLarge` response).
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Python's json.loads gives up (RecursionError) past its recursion limit, about 1,000 levels,
 * and bk-sops answers that body "invalid param format"; the toolkit does the same, before anything
 * recursive (validation, messages, serialisation) can meet such a value.
 */
export const MAX_JSON_DEPTH = 1000;

/** The deepest bracket nesting of JSON text, strings skipped; linear and without recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}
