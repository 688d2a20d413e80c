import { IConstruct } from 'constructs';
import { StorageValidationError } from './errors';

/** Keys already reserved in each app, with the path of the construct that holds each. */
const RESERVED = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Reserves `key` for `construct` in its app, and throws if another construct
 * holds it: `what` says what the key is, `fix` how to choose another. One map
 * lookup per call, so checks built on it stay linear in the number of objects.
 */
export function reserveUnique(construct: IConstruct, key: string, what: string, fix: string): void {
  const root = construct.node.root;
  let reserved = RESERVED.get(root);
  if (!reserved) {
    reserved = new Map();
    RESERVED.set(root, reserved);
  }
  const owner = reserved.get(key);
  if (owner !== undefined) {
    throw new StorageValidationError(`${construct.node.path}: ${what} is already used by ${owner}. Fix: ${fix}`);
  }
  reserved.set(key, construct.node.path);
}

/**
 * Records that `construct` synthesizes the object `kind/namespace/name`:
 * two objects with one name would silently overwrite each other when applied.
 */
export function claimObjectName(
  construct: IConstruct, kind: string, namespace: string | undefined, name: string,
  fix = 'pass a distinct `name` prop (names default to the construct id); one object per kind, namespace and name.',
): void {
  reserveUnique(construct, `${kind}/${namespace ?? ''}/${name}`, `the ${kind} name "${name}"${namespace ? ` in namespace "${namespace}"` : ''}`, fix);
}
