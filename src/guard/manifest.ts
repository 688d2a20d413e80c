/** A Kubernetes object as parsed from YAML. */
export interface Manifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly annotations?: { [key: string]: string } };
  readonly spec?: any;
  readonly [key: string]: any;
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function stableJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map(k => [k, v[k]])) : v));
}

/** The identity of an object in a set of manifests. */
export function objectKey(m: Manifest): string {
  return `${m.kind}/${m.metadata?.namespace ?? ''}/${m.metadata?.name}`;
}

/** A copy without the keys whose values equal the API server's defaults. */
export function withoutDefaults(value: any, defaults: { [key: string]: unknown }): any {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => stableJson(v) !== stableJson(defaults[k])));
}
