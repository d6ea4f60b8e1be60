import { CREATE_TASK } from "../http.js";
import type { Difference } from "../types.js";
import { compareAnswer, statusDifference } from "./answer.js";
import { type CheckDef, headline, passed, skipped, verdictOf } from "./check.js";
import { brief, isObject } from "./diff.js";
import { NEGATIVE_CASES, type NegativeCase } from "./negative-cases.js";
import { createRequest } from "./requests.js";

const STATIC =
  "static mock: Prism answers a documented example (or its own 4xx) whatever is wrong with the request";

function caseCheck(negative: NegativeCase): CheckDef {
  return {
    id: `negative.${negative.id}`,
    operationId: CREATE_TASK,
    title: negative.title,
    verifies: negative.verifies,
    group: "negative",
    async run(ctx, recorder) {
      if (ctx.target.staticMock) return skipped(STATIC);
      const exchange = await recorder.send(negative.request(ctx));
      const answer = exchange.response;
      if (!answer) return { status: "failed", reason: `no answer: ${exchange.error}` };
      const actual = answer.json ?? answer.text;
      const tries = negative.expected(ctx, actual).map((expected) => {
        return [
          ...statusDifference(expected.status, answer.status),
          ...compareAnswer(expected.value, actual, { firstLineMessage: expected.firstLineMessage }),
        ];
      });
      const best = tries.reduce((a, b) => (b.length < a.length ? b : a));
      if (best.length === 0) return passed();
      const which =
        tries.length > 1 ? `matches none of the ${tries.length} documented answers; closest: ` : "";
      return verdictOf(best, `${which}${headline(best)}`);
    },
  };
}

const wrongMethod: CheckDef = {
  id: "negative.wrong-method",
  operationId: CREATE_TASK,
  title: "A GET is refused with 405 and `Allow: POST`",
  verifies: "spec responses.405 (MethodNotAllowed); docs/bk-sops-behaviour.md §1.1 (require_POST)",
  group: "negative",
  async run(ctx, recorder) {
    if (ctx.target.staticMock) return skipped(STATIC);
    const { body: _none, ...request } = createRequest(ctx, {});
    const exchange = await recorder.send({ ...request, method: "GET" });
    const answer = exchange.response;
    if (!answer) return { status: "failed", reason: `no answer: ${exchange.error}` };
    const differences: Difference[] = statusDifference(405, answer.status);
    const allow = answer.headers.allow ?? "";
    if (!/\bPOST\b/i.test(allow))
      differences.push({
        path: "(header Allow)",
        note: "must allow POST",
        expected: "POST",
        actual: allow || undefined,
      });
    // bk-sops answers an empty body; an envelope, if any, must be a failure.
    if (answer.text !== "" && !(isObject(answer.json) && answer.json.result === false)) {
      differences.push({
        path: "(body)",
        note: "expected an empty body or a result:false envelope",
        actual: brief(answer.text),
      });
    }
    return verdictOf(differences);
  },
};

/** The negative cases: each must get the documented status, envelope, code and message. */
export function negativeChecks(): CheckDef[] {
  return [...NEGATIVE_CASES.map(caseCheck), wrongMethod];
}
