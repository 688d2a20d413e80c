import { IConstruct } from 'constructs';
import { StorageValidationError } from './errors';

/** Kubernetes names already taken in each app, keyed by kind, namespace and name. */
const TAKEN = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Records that `construct` synthesizes the object `kind/namespace/name`, and
 * throws if another construct of the same app already does: two objects with
 * one name would silently overwrite each other when applied.
 */
export function claimObjectName(construct: IConstruct, kind: string, namespace: string | undefined, name: string): void {
  const root = construct.node.root;
  let names = TAKEN.get(root);
  if (!names) {
    names = new Map();
    TAKEN.set(root, names);
  }
  const key = `${kind}/${namespace ?? ''}/${name}`;
  const owner = names.get(key);
  if (owner !== undefined) {
    throw new StorageValidationError(
      `${construct.node.path}: the ${kind} name "${name}"${namespace ? ` in namespace "${namespace}"` : ''} is already used by ${owner}. ` +
      'Allowed: one object per kind, namespace and name. Fix: pass a distinct `name` prop (names default to the construct id).',
    );
  }
  names.set(key, construct.node.path);
}
