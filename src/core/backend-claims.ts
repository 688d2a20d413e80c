import { Construct } from 'constructs';
import { Schema, checkArg, checkProps, checkScope, integer, str } from './checks';
import { ClaimRequest } from './claim-request';
import { ClaimTemplate } from './claim-template';
import { describeChild } from './errors';
import { NAME } from './schemas';
import { StaticBinding, StaticVolumeContent } from './static-binding';
import { VolumeClaim } from './volume-claim';

/** `replicas` of a template on a shared existing volume: one PV per replica. */
const REPLICAS = integer(1);

/**
 * What a backend decided about one claim, from its own typed options: the
 * request in Kubernetes terms and, for a backend of existing volumes, the
 * content of the PV the claim binds.
 */
export interface BackendRequest extends Omit<ClaimRequest, 'where'> {
  /** Existing volumes only: what the PV holds (the claim is pinned to it). */
  readonly volume?: StaticVolumeContent;
}

/**
 * The backend's options type (`LocalClaimOptions`) and its schema; the claim
 * props add `name`. Templates on shared existing volumes add `replicas`.
 */
export interface ClaimOptionsShape<O> {
  /** The runtime schema of the options (see checks.ts). */
  readonly schema: Schema<O>;
  /** The options interface, for messages: "LocalClaimOptions". */
  readonly optionsType: string;
  /** The props interface of `claim`, the options and `name`: "LocalClaimProps". */
  readonly propsType: string;
  /** When a template takes `replicas` (one PV each of a shared existing volume): its interface, "NfsClaimTemplateOptions". */
  readonly templateWithReplicasType?: string;
}

/** What only some backends need. */
export interface BackendClaimsOptions {
  /** For existing volumes: binds each claim and template to its PV. */
  readonly binding?: StaticBinding;
}

/**
 * The one implementation of every backend's `claim(scope, id, props)` and
 * `claimTemplate(name, options)`: check the arguments (JavaScript and jsii
 * callers are not held to the types), ask the backend to decide, then mint
 * the claim or template, bound to a static PV when the backend has one.
 *
 * A backend writes only its `decide` function; see "Adding a backend" in the README.
 */
export class BackendClaims<O> {
  private readonly propsSchema: Schema<O & { name?: string }>;
  private readonly templateSchema: Schema<O & { replicas?: number }>;
  private readonly binding?: StaticBinding;

  /**
   * @param owner the backend, for messages: "chart/ssd (LocalSsdVolume)"
   * @param shape the options type and its schema
   * @param decide the backend's decision for one claim or template
   * @param options a static binding, for existing volumes
   */
  public constructor(
    private readonly owner: string,
    private readonly shape: ClaimOptionsShape<O>,
    private readonly decide: (options: O, where: string) => BackendRequest,
    options: BackendClaimsOptions = {},
  ) {
    this.binding = options.binding;
    this.propsSchema = { ...shape.schema, name: NAME } as unknown as Schema<O & { name?: string }>;
    const templateSchema = shape.templateWithReplicasType ? { ...shape.schema, replicas: REPLICAS } : shape.schema;
    this.templateSchema = templateSchema as unknown as Schema<O & { replicas?: number }>;
  }

  /** A claim on the backend; `props` are the options and the PVC `name`. */
  public claim(scope: Construct, id: string, props: O & { name?: string } | undefined): VolumeClaim {
    const where = claimWhere(scope, id, this.owner);
    const checked = checkProps(where, props, this.propsSchema, this.shape.propsType);
    const request = this.decide(checked, where);
    const mint = (r: Omit<ClaimRequest, 'where'>) => VolumeClaim._mint(scope, id, checked.name, r);
    return this.binding ? this.binding.bindClaim(where, id, request, mint) : mint(request);
  }

  /** A per-replica claim template for a StatefulStore. */
  public claimTemplate(name: string, options: O & { replicas?: number } | undefined): ClaimTemplate {
    const where = `claim template ${JSON.stringify(checkArg(this.owner, 'name', name, str('a template name such as "data"')))} on ${this.owner}`;
    const checked = checkProps(where, options, this.templateSchema, this.shape.templateWithReplicasType ?? this.shape.optionsType);
    const request = this.decide(checked, where);
    return this.binding ? this.binding.bindTemplate(name, request, where, checked.replicas) : ClaimTemplate._mint(name, { ...request, where });
  }
}

/** Where a claim about to be made sits, for messages: "chart/data (VolumeClaim) on chart/ssd (LocalSsdVolume)". */
export function claimWhere(scope: Construct, id: string, owner: string): string {
  return `${describeChild(checkScope(scope, id, 'VolumeClaim'), id, 'VolumeClaim')} on ${owner}`;
}
