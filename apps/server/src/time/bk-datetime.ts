/**
 * Times as bk-sops writes them: `format_datetime` answers `%Y-%m-%d %H:%M:%S %z` in a time zone
 * (the site's `TIME_ZONE`, Asia/Shanghai, unless the request names one), e.g.
 * `2024-05-20 10:00:00 +0800`.
 */

/** bk-sops' `TIME_ZONE` setting: the zone of every time it answers by default. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const BK_FORMAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

// One formatter per zone: building one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The IANA zone a request names, as pytz resolves it (case-insensitive names and aliases), or
 * undefined when it names none. Offsets such as `+08:00` are not zone names for pytz either.
 */
export function resolveTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  try {
    return formatterFor(name).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

// Asia/Shanghai has kept UTC+8 without daylight saving since 1992: its times need no time-zone
// database (Intl formatting costs about 20 µs a call; status trees format dozens per answer).
const SHANGHAI_FIXED_SINCE = Date.UTC(1992, 0, 1);
const pad = (n: number) => String(n).padStart(2, "0");

function shanghaiTime(ms: number): string {
  const local = new Date(ms + 8 * 3_600_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} +0800`
  );
}

/** An instant (ISO 8601) as bk-sops' `format_datetime` writes it in `timeZone`. */
export function formatBkDatetime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  if (
    timeZone === DEFAULT_TIME_ZONE &&
    date.getTime() >= SHANGHAI_FIXED_SINCE &&
    date.getUTCFullYear() < 10000
  ) {
    return shanghaiTime(date.getTime());
  }
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  // "GMT+08:00", "GMT-03:30", or plain "GMT" for a zero offset.
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? "");
  const zone = offset ? `${offset[1]}${offset[2]}${offset[3]}` : "+0000";
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${zone}`;
}

/**
 * A time given in a template file: bk-sops' own format (as `get_template_info` answers it) or
 * ISO 8601 with a zone. Returns the ISO instant, or undefined when the text is neither.
 */
export function parseBkDatetime(text: string): string | undefined {
  const bk = BK_FORMAT.exec(text);
  const iso = bk
    ? `${bk[1]}-${bk[2]}-${bk[3]}T${bk[4]}:${bk[5]}:${bk[6]}${bk[7]}${bk[8]}:${bk[9]}`
    : /(Z|[+-]\d{2}:?\d{2})$/.test(text)
      ? text
      : undefined;
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
