/**
 * A copy of `value` with `key` set, or without it when `next` is undefined (or ""): optional fields
 * of the configuration are absent rather than empty, which is what the schema expects.
 */
export function setOptional<T extends object, K extends keyof T>(value: T, key: K, next: T[K] | undefined): T {
  if (next !== undefined && next !== '') return { ...value, [key]: next };
  // Rebuilt without the key rather than `delete`d: keys here come from variables.
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as T;
}
