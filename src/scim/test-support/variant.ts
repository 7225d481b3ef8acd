/** A deep copy of `base` with `change` applied, so a table row states only what it breaks. */
export function variant<T>(
  base: T,
  change: (copy: Record<string, unknown>) => void,
): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  change(copy);
  return copy;
}
