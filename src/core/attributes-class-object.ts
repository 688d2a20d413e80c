import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { makeClusterScoped } from './cluster-scoped';
import { invalid } from './errors';
import { KubeKind, kubeObject } from './kube-json';
import { claimClusterObjectName } from './name-registry';
import { NameRule, nameOrId } from './names';
import { protectFromPruning } from './prune-protection';

/** storage.k8s.io/v1: VolumeAttributesClass is GA in Kubernetes 1.34 (KEP-3751), served by default from then. */
export const ATTRIBUTES_CLASS_KIND: KubeKind = { apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttributesClass' };

/**
 * A VolumeAttributesClass: a set of volume performance settings (IOPS,
 * throughput, type) that a claim names in `volumeAttributesClassName`.
 * Changing the class a claim names is how a volume is tuned in place: the
 * driver modifies it (ControllerModifyVolume) without a new volume.
 */
export interface IVolumeAttributesClass {
  /** The VolumeAttributesClass name. */
  readonly volumeAttributesClassName: string;
  /** The CSI driver that applies it. */
  readonly driverName: string;
}

/** What a backend decided about its VolumeAttributesClass. */
export interface AttributesClassSettings {
  /** The user's name prop, if any; otherwise the construct id gives the name. */
  readonly volumeAttributesClassName?: string;
  readonly driverName: string;
  readonly parameters: { [key: string]: string };
}

/**
 * The one way this library writes a VolumeAttributesClass: the child
 * `Resource` of the construct that owns it, cluster-scoped, protected from
 * pruning. ⚠️ Its driver and parameters are immutable (the API server refuses
 * an update): a new setting is a new class that claims switch to.
 */
export function addAttributesClass(owner: Construct, where: string, settings: AttributesClassSettings): { apiObject: ApiObject; name: string } {
  const name = nameOrId(settings.volumeAttributesClassName, owner.node.id, NameRule.DNS_SUBDOMAIN, where, 'volumeAttributesClassName');
  claimClusterObjectName(owner, 'VolumeAttributesClass', name, 'volumeAttributesClassName');
  const apiObject = kubeObject(owner, 'Resource', ATTRIBUTES_CLASS_KIND, { metadata: { name }, driverName: settings.driverName, parameters: settings.parameters });
  makeClusterScoped(apiObject);
  protectFromPruning(apiObject);
  return { apiObject, name };
}

/**
 * A claim may name only a VolumeAttributesClass of its own driver: the
 * external-resizer of another driver never acts on it, and the claim's
 * modification stays pending.
 */
export function checkAttributesClassDriver(attributes: IVolumeAttributesClass, driver: string, where: string): string {
  if (attributes.driverName !== driver) {
    throw invalid({
      where,
      prop: 'attributesClass',
      value: attributes.volumeAttributesClassName,
      allowed: `a VolumeAttributesClass of the claim's driver ${driver}; "${attributes.volumeAttributesClassName}" is of ${attributes.driverName}`,
      fix: `use a VolumeAttributesClass of ${driver}`,
    });
  }
  return attributes.volumeAttributesClassName;
}
