/**
 * Copies the properties of `values` that are set into `target`. Rendered
 * objects then carry no undefined keys, which cdk8s would otherwise walk
 * (resolve, sanitize) and drop at every synthesis.
 */
export function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const key in values) {
    if (values[key] !== undefined) (target as any)[key] = values[key];
  }
  return target;
}
