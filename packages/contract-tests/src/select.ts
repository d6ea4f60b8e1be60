/** Whether a check id matches a pattern: the id itself, a dotted prefix (`examples`), or a glob (`*missing*`). */
export function matches(pattern: string, id: string): boolean {
  if (pattern === id || id.startsWith(`${pattern}.`)) return true;
  if (!pattern.includes("*")) return false;
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(id);
}

/** Whether `--only`/`--skip` select the check `id`. */
export function isSelected(id: string, only: string[], skip: string[]): boolean {
  return (only.length === 0 || only.some((p) => matches(p, id))) && !skip.some((p) => matches(p, id));
}
