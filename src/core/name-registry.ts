import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { StorageValidationError } from './errors';

/** Keys already reserved in each app, with the construct that holds each. */
const RESERVED = new WeakMap<IConstruct, Map<string, IConstruct>>();

/** What a reserved key is, and how to choose another: built only when two constructs want one key. */
export interface Clash {
  readonly what: string;
  readonly fix: string;
}

/**
 * Reserves `key` for `construct` in its app, and throws if another construct
 * holds it. One map lookup per call, so checks built on it stay linear in the
 * number of objects; paths and messages are only built for a clash.
 */
export function reserveUnique(construct: IConstruct, key: string, clash: () => Clash): void {
  // The root by walking scopes: node.root builds the list of every scope on each call.
  let root: IConstruct = construct;
  while (root.node.scope) root = root.node.scope;
  let reserved = RESERVED.get(root);
  if (!reserved) {
    reserved = new Map();
    RESERVED.set(root, reserved);
  }
  const owner = reserved.get(key);
  if (owner !== undefined) {
    const { what, fix } = clash();
    throw new StorageValidationError(`${construct.node.path}: ${what} is already used by ${owner.node.path}. Fix: ${fix}`);
  }
  reserved.set(key, construct);
}

const DISTINCT_NAME = 'pass a distinct `name` prop (names default to the construct id)';

/**
 * Records that `construct` synthesizes the cluster-scoped object `kind/name`:
 * two objects with one name would silently overwrite each other when applied.
 */
export function claimClusterObjectName(construct: IConstruct, kind: string, name: string, fix = `${DISTINCT_NAME}; a cluster holds one ${kind} per name.`): void {
  reserveUnique(construct, `${kind}//${name}`, () => ({ what: `the ${kind} name "${name}"`, fix }));
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
  reserveUnique(construct, `${kind}/${namespace ?? ''}/${name}`, () => ({
    what: `the ${kind} name "${name}" ${namespace ? `in namespace "${namespace}"` : 'with no namespace (its chart sets none)'}`,
    fix: `${fix}; ${namespace
      ? 'or move one of them to a chart with another namespace'
      : "or, if they belong in different namespaces, give each chart its own (`new Chart(app, 'id', { namespace: 'team-a' })`)"
    }: a name is unique per kind and namespace.`,
  }));
}
