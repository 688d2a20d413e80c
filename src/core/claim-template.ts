import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct, IConstruct } from 'constructs';
import { checkScope } from './checks';
import { BindingProblem, ClaimRequest, renderClaimSpec } from './claim-request';
import { ClaimSource, checkSourceNamespace } from './claim-source';
import { invalid } from './errors';
import { KubeJson, PVC_KIND } from './kube-json';
import { NameRule, validateName } from './names';
import { VolumeMode } from './policies';

/**
 * A per-replica claim for a `StatefulStore` (an entry of `volumeClaimTemplates`),
 * minted by a storage backend (`backend.claimTemplate(name, ...)`).
 *
 * The StatefulSet controller creates one PVC per replica, named
 * `<template>-<statefulset>-<ordinal>`. Templates cannot change once the
 * StatefulSet exists, so everything about them is checked before synthesis.
 */
export class ClaimTemplate {
  /**
   * @internal Used by backends of this library to mint a template.
   */
  public static _mint(name: string, request: ClaimRequest): ClaimTemplate {
    return new ClaimTemplate(name, request);
  }

  /** The template name: also the pod volume name, and the first part of each PVC name. */
  public readonly name: string;
  /** `spec.storageClassName`. */
  public readonly storageClassName: string;
  /** The access mode, as the Kubernetes string. */
  public readonly accessMode: string;
  /** The storage requested per replica. */
  public readonly storage: Size;
  /** Filesystem (mounted at a path) or Block (exposed as a device). */
  public readonly volumeMode: VolumeMode;
  /** The driver that provisions the claims (`ebs.csi.aws.com`), when the backend knows it. */
  public readonly driver?: string;
  /** The VolumeAttributesClass the driver applies to each volume, if any. */
  public readonly volumeAttributesClassName?: string;
  private readonly spec: KubeJson;
  private readonly source?: ClaimSource;
  private readonly capacity: Size;
  private readonly where: string;
  private readonly bindingProblem?: (count: number) => BindingProblem | undefined;

  private constructor(name: string, request: ClaimRequest) {
    // The template name is the pod volume name, so it must be a DNS label; then
    // every PVC name the controller generates from it is a valid subdomain too.
    this.name = validateName(name, NameRule.DNS_LABEL, request.where, 'name',
      'the template name is the pod volume name and the first part of the PVC names <template>-<statefulset>-<ordinal>: ' +
      'use lower-case letters, digits and "-"');
    this.storageClassName = request.storageClassName;
    this.accessMode = request.accessMode;
    this.storage = request.storage;
    this.volumeMode = request.volumeMode;
    this.driver = request.driver;
    this.volumeAttributesClassName = request.volumeAttributesClassName;
    this.source = request.source;
    this.capacity = request.capacity ?? request.storage;
    this.where = request.where;
    this.spec = renderClaimSpec(request);
    this.bindingProblem = request.bindingProblem;
  }

  /**
   * This template as a pod volume of a cdk8s-plus-27 workload (Deployment,
   * Job, Pod, ...): a generic ephemeral volume, for which the
   * ephemeral-volume controller makes one claim per pod (`<pod>-<volume>`),
   * deleted with the pod. `container.mount('/scratch', volume)`.
   *
   * cdk8s-plus-27 renders pod specs through the Kubernetes 1.27 types, which
   * have no `volumeAttributesClassName`, and mounts no raw devices: a Block
   * template or one with a VolumeAttributesClass is refused (a StatefulStore
   * takes both, with `PodVolume.ephemeral`).
   *
   * @param scope the workload's scope
   * @param id the construct id of the volume
   */
  public asEphemeralVolume(scope: Construct, id: string): kplus.Volume {
    const where = `${this.where}: asEphemeralVolume`;
    if (this.volumeMode === VolumeMode.BLOCK || this.volumeAttributesClassName !== undefined) {
      const block = this.volumeMode === VolumeMode.BLOCK;
      throw invalid({
        where,
        prop: block ? 'volumeMode' : 'attributesClass',
        value: block ? this.volumeMode : this.volumeAttributesClassName,
        allowed: block ? 'a Filesystem template: cdk8s-plus mounts volumes at paths and has no volumeDevices'
          : 'a template without a VolumeAttributesClass: cdk8s-plus-27 renders pod specs through the Kubernetes 1.27 types, which would drop it',
        fix: 'use the template in a StatefulStore (PodVolume.ephemeral), or make it without that option',
      });
    }
    this._checkUsedBy(checkScope(scope, id, 'Volume'));
    const spec = { ...this.spec, resources: { requests: { storage: k8s.Quantity.fromString(this.spec.resources.requests.storage) } } };
    // cdk8s-plus-27 has no factory for ephemeral volumes; Volume's constructor is private to TypeScript only,
    // and a Volume is its name and its source (volume.js _toKube), converted with the pod spec.
    const PlusVolume = kplus.Volume as unknown as new (s: Construct, i: string, name: string, config: Omit<k8s.Volume, 'name'>) => kplus.Volume;
    return new PlusVolume(scope, id, this.name, { ephemeral: { volumeClaimTemplate: { spec } } });
  }

  /** @internal The size of each volume the driver makes (what a snapshot of one restores to). */
  public get _capacity(): Size {
    return this.capacity;
  }

  /**
   * @internal Checks that the workload using this template (a StatefulStore,
   * a pod's ephemeral volume) is in the namespace of the snapshot or claim
   * its claims are made from.
   */
  public _checkUsedBy(user: IConstruct): void {
    if (this.source) checkSourceNamespace(this.source, user, this.where, this.source.isClone ? 'cloneFrom' : 'restoreFrom');
  }

  /** @internal Whether binding can only be checked with the whole tree (static backends: local disks). */
  public get _hasBindingCheck(): boolean {
    return this.bindingProblem !== undefined;
  }

  /**
   * @internal Why `replicas` claims made from this template could never all
   * bind, or undefined; checked by the StatefulStore that uses it, at synthesis.
   */
  public _bindingProblem(replicas: number): BindingProblem | undefined {
    return this.bindingProblem?.(replicas);
  }

  /**
   * @internal The `volumeClaimTemplates` entry. It names its apiVersion and
   * kind, which the API server would default: GitOps tools report a default
   * the manifest lacks as drift.
   */
  public _toKube(): KubeJson {
    return { apiVersion: PVC_KIND.apiVersion, kind: PVC_KIND.kind, metadata: { name: this.name }, spec: this.spec };
  }

  /**
   * @internal A pod's `ephemeral` volume source from this template: the
   * ephemeral-volume controller makes one claim per pod (`<pod>-<volume>`),
   * deleted with the pod. Its metadata may hold only labels and annotations.
   */
  public _toEphemeral(): KubeJson {
    return { volumeClaimTemplate: { spec: this.spec } };
  }
}
