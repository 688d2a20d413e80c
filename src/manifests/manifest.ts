import { DEFAULT_CLASS_ANNOTATION } from '../core/storage-class-object';

/** A Kubernetes object as parsed from YAML. */
export interface Manifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: { [key: string]: string };
    readonly annotations?: { [key: string]: string };
  };
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


/** Whether a StorageClass is marked the cluster's default. */
export function isDefaultClass(cls: Manifest): boolean {
  return cls.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** The beta annotation that still names the class of a claim or a PV, before their storageClassName. */
export const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * The class a claim, a claim template or a PV names: the beta annotation
 * first, as Kubernetes reads it (GetPersistentVolumeClaimClass,
 * GetPersistentVolumeClass in component-helpers storage/volume), then
 * spec.storageClassName; undefined when neither is given.
 */
export function storageClassNameOf(object: { readonly metadata?: any; readonly spec?: any }): string | undefined {
  const annotation: unknown = object.metadata?.annotations?.[BETA_CLASS_ANNOTATION];
  if (typeof annotation === 'string') return annotation;
  const name: unknown = object.spec?.storageClassName;
  return typeof name === 'string' ? name : undefined;
}

/** The namespace of an object, '' when it names none. */
export function namespaceOf(m: Manifest): string {
  return m.metadata?.namespace ?? '';
}

/**
 * Whether an object is in the namespace a reference names. An object that
 * names no namespace is applied to whichever namespace the manifests target,
 * so it matches any (upstream deploy files name `default` in references and
 * nothing on the objects).
 */
export function inNamespace(objectNamespace: string, referenced: string): boolean {
  return objectNamespace === referenced || objectNamespace === '' || referenced === '';
}
