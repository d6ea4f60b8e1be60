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
