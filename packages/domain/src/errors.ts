/**
 * Errors of the pipeline-tree domain. They carry bk-sops' exact message texts and know nothing of
 * HTTP; the edge of the server decides which envelope and code each one becomes.
 */

/** Python's `%s` of a value, so a non-string id prints as bk-sops prints it (e.g. `1`, `None`). */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** An id in `exclude_task_nodes_id` that is not (or no longer) an activity of the tree. */
export class NodeNotInTreeError extends Error {
  override name = "NodeNotInTreeError";
  constructor(readonly nodeId: unknown) {
    super(`task node[id=${pyStr(nodeId)}] is not in template pipeline tree`);
  }
}

/** An excluded activity that the template does not mark optional. */
export class NodeNotOptionalError extends Error {
  override name = "NodeNotOptionalError";
  constructor(readonly nodeId: unknown) {
    super(`task node[id=${pyStr(nodeId)}] is not optional`);
  }
}

/**
 * An id Python could not look up because it is a list or an object (`TypeError: unhashable type`).
 * bk-sops reports it with the text of that TypeError.
 */
export class UnhashableIdError extends Error {
  override name = "UnhashableIdError";
  constructor(readonly value: unknown) {
    super(`unhashable type: '${Array.isArray(value) ? "list" : "dict"}'`);
  }
}

/** True for values Python cannot put in a set or use as a dict key (JSON lists and objects). */
export function isUnhashable(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

/** A dict lookup that fails where bk-sops does not guard it; the message is Python's `str(KeyError)`. */
export class MissingKeyError extends Error {
  override name = "MissingKeyError";
  constructor(readonly key: string) {
    super(`'${key}'`);
  }
}

/** An attribute bk-sops reads on a value of the wrong type; the message is Python's `str(AttributeError)`. */
export class NoAttributeError extends Error {
  override name = "NoAttributeError";
  constructor(typeName: string, attribute: string) {
    super(`'${typeName}' object has no attribute '${attribute}'`);
  }
}

/** A bad combination or value of template_schemes_id / exclude / execute node lists (docs/bk-sops-behaviour.md §7). */
export class TaskNodeSelectionError extends Error {
  override name = "TaskNodeSelectionError";
}

/**
 * A tree that bk-sops' validation refuses. `message` is bk-sops' own text of the refusal (it may be
 * empty: bamboo's stream errors carry no text); `detail` says in our words where and what, for
 * humans reading a load report. Refusals bk-sops has no text for (it would crash or hang later)
 * carry our words in both.
 */
export class InvalidTreeError extends Error {
  override name = "InvalidTreeError";
  constructor(
    message: string,
    readonly detail: string = message,
  ) {
    super(message);
  }
}

/** The message and, when it adds something, the detail: what a load report prints. */
export function describeTreeError(error: InvalidTreeError): string {
  if (error.message === error.detail) return error.message;
  return error.message ? `${error.message} (${error.detail})` : error.detail;
}

/** Gateways that do not pair up as bamboo's gateway validation requires (`ConvergeMatchError`). */
export class GatewayMatchError extends InvalidTreeError {
  override name = "GatewayMatchError";
  constructor(
    readonly gatewayId: string,
    bkSopsText: string,
    reason: string,
  ) {
    super(bkSopsText, `gateway ${gatewayId}: ${reason}`);
  }
}

/** A node two parallel streams reach, or no stream reaches (bamboo `StreamValidateError`: no text). */
export class StreamError extends InvalidTreeError {
  override name = "StreamError";
  constructor(
    readonly nodeId: string,
    reason: string,
  ) {
    super("", `node ${nodeId}: ${reason}`);
  }
}
