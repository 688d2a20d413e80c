import { Chart } from 'cdk8s';
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

const DISTINCT_NAME = 'pass a distinct `name` prop (names default to the construct id)';

/**
 * Records that `construct` synthesizes the cluster-scoped object `kind/name`:
 * two objects with one name would silently overwrite each other when applied.
 */
export function claimClusterObjectName(construct: IConstruct, kind: string, name: string, fix = `${DISTINCT_NAME}; a cluster holds one ${kind} per name.`): void {
  reserveUnique(construct, `${kind}//${name}`, `the ${kind} name "${name}"`, fix);
}

/**
 * Records that `construct` synthesizes the namespaced object `kind/name` in its
 * chart's namespace. A name is unique per kind and namespace, so charts with
 * different namespaces may reuse it. Charts without a namespace share one key
 * (""): their objects land in whatever namespace they are applied to (kubectl's
 * context, Argo CD's destination), which is one namespace for one app.
 */
export function claimObjectName(construct: IConstruct, kind: string, name: string, fix = DISTINCT_NAME): void {
  const namespace = Chart.of(construct).namespace;
  const where = namespace ? `in namespace "${namespace}"` : 'with no namespace (its chart sets none)';
  const namespaceFix = namespace
    ? 'or move one of them to a chart with another namespace'
    : "or, if they belong in different namespaces, give each chart its own (`new Chart(app, 'id', { namespace: 'team-a' })`)";
  reserveUnique(construct, `${kind}/${namespace ?? ''}/${name}`, `the ${kind} name "${name}" ${where}`,
    `${fix}; ${namespaceFix}: a name is unique per kind and namespace.`);
}
