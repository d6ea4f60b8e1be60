import { BkSopsError, CODES } from "../../errors.js";
import { DEFAULT_TIME_ZONE, resolveTimeZone } from "../../time/bk-datetime.js";

/**
 * bk-sops' `timezone_inject`: the zone of the answer's times is `expected_timezone` from the
 * query, or the site's zone when it is absent or empty. An unknown zone is refused before the
 * view runs, with `data: ""` and no `trace_id`.
 */
export function expectedTimeZone(query: Record<string, string>): string {
  const name = query.expected_timezone;
  if (!name) return DEFAULT_TIME_ZONE;
  const zone = resolveTimeZone(name);
  if (zone === undefined) {
    throw new BkSopsError(`expected_timezone ${name} is unknown.`, CODES.VALIDATION_ERROR, {
      traceId: false,
      data: true,
      dataValue: "",
    });
  }
  return zone;
}
