/**
 * A deep copy of a JSON value (objects, arrays, strings, numbers, booleans, null). About 7× faster
 * than `structuredClone` on pipeline trees, which is what every create_task pays for its private
 * copy of the template's tree. A `__proto__` key stays an own data property, as JSON.parse makes it.
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i += 1) copy[i] = cloneJson(value[i]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = cloneJson((value as Record<string, unknown>)[key]);
    if (key === "__proto__") {
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    } else copy[key] = item;
  }
  return copy as T;
}
