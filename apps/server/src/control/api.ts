import {
  type ControlSchemaName,
  controlValidatorFor,
  formatErrors,
  loadControlSpec,
  type ResetInput,
  type RuleInput,
} from "@bksops/api-types/control";
import { InvalidTreeError } from "@bksops/domain";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { Store } from "../db/store.js";
import { ApiError, CODES, type ErrorAnswer, internalErrorBody } from "../errors.js";
import { parseBody } from "../http/parse-body.js";
import type { Logger } from "../logger.js";
import type { Operation } from "../operations/index.js";
import { storeTemplate } from "../templates/load.js";
import { checkReferences } from "../templates/references.js";
import { parseTemplateFile, type TemplateFile, TemplateFileError } from "../templates/template-file.js";
import { SnapshotNotFound } from "./data-state.js";
import type { Controls } from "./index.js";
import { checkRule, FORMS } from "./rules.js";
import { ScenarioError } from "./scenario-error.js";

/** A refusal of the control API: 400 (bad request, code 3540000) or 404 (not found, 3540400). */
class ControlError extends ApiError {
  override name = "ControlError";
  constructor(
    readonly status: 400 | 404 | 405,
    message: string,
  ) {
    super(message);
  }

  answer(): ErrorAnswer {
    const code = this.status === 404 ? CODES.CONTENT_NOT_EXIST : CODES.REQUEST_PARAM_INVALID;
    return { status: this.status, body: { result: false, message: this.message, code } };
  }
}

const ok = (c: Context<AppEnv>, data: unknown, status: 200 | 201 = 200) =>
  c.json({ result: true, data }, status);

/** The JSON body of a control request, checked against a schema of the control spec. */
async function bodyOf<T>(c: Context<AppEnv>, schema: ControlSchemaName, optional = false): Promise<T> {
  const text = await c.req.text();
  if (text.trim() === "" && optional) return {} as T;
  const parsed = parseBody(text);
  if (parsed.kind !== "json") throw new ControlError(400, "the body must be JSON");
  const validate = controlValidatorFor(schema);
  if (!validate(parsed.value)) {
    throw new ControlError(400, `request body: ${formatErrors(validate.errors).join("; ")}`);
  }
  return parsed.value as T;
}

/** The checks whose schema errors (`anyOf`, `not`) would not say what is wrong. */
function ruleShape(value: unknown): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ControlError(400, "a rule is a JSON object");
  }
  const rule = value as Record<string, unknown>;
  if (rule.respond !== undefined && rule.fault !== undefined) {
    throw new ControlError(
      400,
      "a rule either forces an answer (respond) or injects a fault (fault), not both",
    );
  }
  if (rule.respond === undefined && rule.fault === undefined && rule.delay === undefined) {
    throw new ControlError(400, "a rule needs respond, fault or delay: it would change nothing");
  }
  const delay = rule.delay;
  if (delay !== null && typeof delay === "object" && !Array.isArray(delay)) {
    const fixed = "ms" in delay;
    const range = "min_ms" in delay && "max_ms" in delay;
    if (fixed === range)
      throw new ControlError(400, 'delay is either {"ms": N} or {"min_ms": N, "max_ms": M}');
  }
}

function integerParam(value: string, name: string): number {
  if (!/^[0-9]{1,9}$/.test(value))
    throw new ControlError(400, `${name} must be a positive integer, got ${value}`);
  return Number(value);
}

/**
 * The control API, served under `/_bksops` (see openapi/control/openapi.yaml): rules, journal,
 * reset, snapshots, template uploads. Its answers are `{result: true, data}` or the server's
 * error envelope.
 */
export function controlApi(
  controls: Controls,
  deps: { store: Store; operations: readonly Operation[]; logger: Logger },
) {
  const app = new Hono<AppEnv>();
  const { rules, journal, data } = controls;

  app.get("/status", (c) =>
    ok(c, {
      rules: rules.size,
      journal: { kept: journal.kept, capacity: journal.capacity },
      snapshots: data.list().length,
      next_task_id: data.nextTaskId(),
    }),
  );
  app.get("/openapi.json", (c) => c.json(loadControlSpec()));

  app.get("/rules", (c) => ok(c, rules.list()));
  app.post("/rules", async (c) => {
    const text = await c.req.text();
    const parsed = parseBody(text);
    if (parsed.kind !== "json") throw new ControlError(400, "the body must be a JSON object");
    ruleShape(parsed.value);
    const input = await bodyOf<RuleInput>(c, "RuleInput");
    try {
      checkRule(input, deps.operations);
    } catch (error) {
      if (error instanceof ScenarioError) throw new ControlError(400, error.message);
      throw error;
    }
    return ok(c, rules.add(input), 201);
  });
  app.delete("/rules", (c) => ok(c, { deleted: rules.clear() }));
  app.get("/rules/:id", (c) => {
    const id = integerParam(c.req.param("id"), "the rule id");
    const rule = rules.get(id);
    if (!rule) throw new ControlError(404, `there is no rule ${id}`);
    return ok(c, rule);
  });
  app.delete("/rules/:id", (c) => {
    const id = integerParam(c.req.param("id"), "the rule id");
    const rule = rules.delete(id);
    if (!rule) throw new ControlError(404, `there is no rule ${id}`);
    return ok(c, rule);
  });

  app.get("/journal", (c) => {
    const query = c.req.query();
    const form = query.form;
    if (form !== undefined && !(FORMS as readonly string[]).includes(form)) {
      throw new ControlError(400, `form must be gateway or esb, got ${form}`);
    }
    if (query.status !== undefined && !/^[1-5]([0-9]{2}|xx)$/i.test(query.status)) {
      throw new ControlError(
        400,
        `status must be a status such as 500 or a class such as 5xx, got ${query.status}`,
      );
    }
    let since: number | undefined;
    if (query.since !== undefined) {
      since = Date.parse(query.since);
      if (Number.isNaN(since)) throw new ControlError(400, `since must be a date-time, got ${query.since}`);
    }
    const limit = query.limit === undefined ? undefined : integerParam(query.limit, "limit");
    if (limit === 0) throw new ControlError(400, "limit must be at least 1");
    const entries = journal.read({
      operation: query.operation,
      form: form as (typeof FORMS)[number] | undefined,
      status: query.status,
      since,
      after: query.after === undefined ? undefined : integerParam(query.after, "after"),
      traceId: query.trace_id,
      limit,
    });
    return ok(c, { entries, kept: journal.kept, capacity: journal.capacity });
  });
  app.delete("/journal", (c) => ok(c, { deleted: journal.clear() }));

  app.post("/reset", async (c) => {
    const input = await bodyOf<ResetInput>(c, "ResetInput", true);
    data.reset();
    const rulesDeleted = input.rules === false ? 0 : rules.clear();
    const journalDropped = input.journal === false ? 0 : journal.clear();
    deps.logger.info("control: data reset to the demo state");
    return ok(c, {
      rules_deleted: rulesDeleted,
      journal_dropped: journalDropped,
      next_task_id: data.nextTaskId(),
    });
  });

  app.get("/snapshots", (c) => ok(c, data.list()));
  app.put("/snapshots/:name", (c) => ok(c, data.save(c.req.param("name"))));
  app.delete("/snapshots/:name", (c) => ok(c, data.delete(c.req.param("name"))));
  app.post("/snapshots/:name/restore", (c) => {
    const snapshot = data.restore(c.req.param("name"));
    deps.logger.info(`control: data restored from snapshot ${snapshot.name}`);
    return ok(c, snapshot);
  });

  app.post("/templates", async (c) => {
    const upload = await bodyOf<unknown>(c, "TemplateUpload");
    const items = Array.isArray(upload) ? upload : [upload];
    const checked: TemplateFile[] = [];
    const problems: string[] = [];
    items.forEach((item, index) => {
      try {
        checked.push(parseTemplateFile(item));
      } catch (error) {
        if (!(error instanceof TemplateFileError || error instanceof InvalidTreeError)) throw error;
        problems.push(Array.isArray(upload) ? `template ${index}: ${error.message}` : error.message);
      }
    });
    // Subprocess nodes must name templates that exist (stored or in this upload), at versions
    // that exist, without looping back (as bk-sops checks when it saves a template).
    if (problems.length === 0) {
      for (const [index, reason] of checkReferences(deps.store, checked)) {
        problems.push(Array.isArray(upload) ? `template ${index}: ${reason}` : reason);
      }
    }
    if (problems.length > 0) throw new ControlError(400, `nothing stored: ${problems.join("; ")}`);
    deps.store.db.transaction(() => {
      for (const file of checked) storeTemplate(deps.store, file, "upload");
    })();
    return ok(c, {
      stored: checked.map((file) => ({
        source: file.source,
        template_id: file.templateId,
        bk_biz_id: file.bkBizId,
        name: file.name,
      })),
    });
  });

  // Registered last: whatever the routes above do not serve (a sub-app's notFound is not used
  // once it is mounted).
  app.all("*", (c) => {
    throw new ControlError(404, `the control API has no ${c.req.method} ${c.req.path}`);
  });
  app.onError((error, c) => {
    let failure: ApiError | undefined;
    if (error instanceof ApiError) failure = error;
    else if (error instanceof ScenarioError) failure = new ControlError(400, error.message);
    else if (error instanceof SnapshotNotFound) failure = new ControlError(404, error.message);
    if (failure) {
      const { status, body, headers } = failure.answer(c.get("traceId"));
      return c.json(body, status as 400, headers);
    }
    const traceId = c.get("traceId");
    deps.logger.error(
      `control: ${c.req.method} ${c.req.path} failed trace_id=${traceId}: ${error.stack ?? error}`,
    );
    return c.json(internalErrorBody(traceId), 500);
  });
  return app;
}
