/**
 * Times as bk-sops writes them in its answers: `"%Y-%m-%d %H:%M:%S %z"` in the deployment's time
 * zone. bk-sops' default TIME_ZONE is Asia/Shanghai (UTC+8, no daylight saving), so every time
 * this server answers carries `+0800`.
 */
export const BK_UTC_OFFSET_MINUTES = 8 * 60;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** bk-sops' `format_datetime(dt)`: e.g. `2024-05-01 12:00:03 +0800`. */
export function formatBkDatetime(epochMs: number): string {
  const local = new Date(epochMs + BK_UTC_OFFSET_MINUTES * 60_000);
  const sign = BK_UTC_OFFSET_MINUTES >= 0 ? "+" : "-";
  const offset = Math.abs(BK_UTC_OFFSET_MINUTES);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ` +
    `${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`
  );
}

/** Python's `round()` of a float to an int: halves go to the even neighbour. */
export function pyRound(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** bamboo's `calculate_elapsed_time`: whole seconds from start to finish (or to now), 0 if not started. */
export function elapsedSeconds(startedAt: number | null, finishedAt: number | null, now: number): number {
  if (startedAt === null) return 0;
  return pyRound(((finishedAt ?? now) - startedAt) / 1000);
}
