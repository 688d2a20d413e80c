import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { describeConstruct, invalid } from './errors';

/** Keys already reserved in each app, with the construct that holds each. */
const RESERVED = new WeakMap<IConstruct, Map<string, IConstruct>>();

/** The prop that holds a reserved value, and how to choose another: built only when two constructs want one key. */
export interface Clash {
  /** The prop (or, for fixed names, what is named): "storageClassName". */
  readonly prop: string;
  readonly value: unknown;
  /** What must be unique: "a StorageClass name (a cluster holds one per name)". */
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
    const { prop, value, what, fix } = clash();
    throw invalid({
      where: describeConstruct(construct, construct.constructor.name),
      prop,
      value,
      allowed: `${what} that no other construct of the app uses, and ${owner.node.path} already uses it`,
      fix,
    });
  }
  reserved.set(key, construct);
}

const distinctName = (prop: string) => `pass a distinct ${prop} (it defaults to the construct id)`;

/**
 * Records that `construct` synthesizes the cluster-scoped object `kind/name`,
 * named by its prop `prop`: two objects with one name would silently
 * overwrite each other when applied.
 */
export function claimClusterObjectName(construct: IConstruct, kind: string, name: string, prop: string, fix = distinctName(prop)): void {
  reserveUnique(construct, `${kind}//${name}`, () => ({ prop, value: name, what: `a ${kind} name (a cluster holds one ${kind} per name)`, fix }));
}

/**
 * Records that `construct` synthesizes the namespaced object `kind/name` in its
 * chart's namespace. A name is unique per kind and namespace, so charts with
 * different namespaces may reuse it. Charts without a namespace share one key
 * (""): their objects land in whatever namespace they are applied to (kubectl's
 * context, Argo CD's destination), which is one namespace for one app.
 */
export function claimObjectName(construct: IConstruct, kind: string, name: string, prop: string, fix = distinctName(prop)): void {
  const namespace = Chart.of(construct).namespace;
  reserveUnique(construct, `${kind}/${namespace ?? ''}/${name}`, () => ({
    prop,
    value: name,
    what: `a ${kind} name ${namespace ? `in namespace "${namespace}"` : 'with no namespace (its chart sets none)'}`,
    fix: `${fix}; ${namespace
      ? 'or move one of them to a chart with another namespace'
      : "or, if they belong in different namespaces, give each chart its own (`new Chart(app, 'id', { namespace: 'team-a' })`)"
    }: a name is unique per kind and namespace`,
  }));
}
