import { AccessMode } from './access-mode';
import { Schema, bool, enumOf, listOf, mapOf, optional, predicate, size, str, struct } from './checks';
import { ReclaimPolicy, VolumeBindingMode, VolumeMode } from './policies';
import type { AllowedTopology, StorageClassCapabilities, StorageClassClaimOptions, StorageClassProps, TopologyRequirement } from './storage-class';

/** Runtime schemas of the core props (see checks.ts); not part of the public API. */

export const NAME = optional(str('a Kubernetes name such as "data"'));
export const STRING_MAP = mapOf(str());
export const STRING_LIST = listOf(str());
export const RECLAIM_POLICY = optional(enumOf(ReclaimPolicy, 'ReclaimPolicy'));
export const BINDING_MODE = optional(enumOf(VolumeBindingMode, 'VolumeBindingMode'));
export const VOLUME_MODE = optional(enumOf(VolumeMode, 'VolumeMode'));
/** A VolumeAttributesClass object: a backend's, or one imported by name. */
export const ATTRIBUTES_CLASS = predicate('a VolumeAttributesClass (such as new BlockAttributesClass(...), or one imported with fromAttributesClassName)',
  'pass a VolumeAttributesClass of the claim\'s driver',
  v => v !== null && typeof v === 'object' && typeof (v as any).volumeAttributesClassName === 'string' && typeof (v as any).driverName === 'string');

const TOPOLOGY_REQUIREMENT: Schema<TopologyRequirement> = { key: str(), values: STRING_LIST };
const ALLOWED_TOPOLOGY: Schema<AllowedTopology> = { matchLabelExpressions: listOf(struct(TOPOLOGY_REQUIREMENT, 'TopologyRequirement')) };

// Emptiness of accessModes is left to declaredModes, whose message says what an empty list means there.
export const STORAGE_CLASS_CAPABILITIES: Schema<StorageClassCapabilities> = {
  accessModes: listOf(enumOf(AccessMode, 'AccessMode')),
  volumeModes: optional(listOf(enumOf(VolumeMode, 'VolumeMode'))),
};

export const STORAGE_CLASS_PROPS: Schema<StorageClassProps> = {
  ...STORAGE_CLASS_CAPABILITIES,
  storageClassName: NAME,
  isDefault: optional(bool()),
  provisioner: str('a provisioner name such as "ebs.csi.aws.com"'),
  parameters: optional(STRING_MAP),
  reclaimPolicy: RECLAIM_POLICY,
  volumeBindingMode: BINDING_MODE,
  allowVolumeExpansion: optional(bool()),
  mountOptions: optional(STRING_LIST),
  allowedTopologies: optional(listOf(struct(ALLOWED_TOPOLOGY, 'AllowedTopology'))),
};

export const STORAGE_CLASS_CLAIM_OPTIONS: Schema<StorageClassClaimOptions> = {
  storage: size(),
  accessMode: optional(enumOf(AccessMode, 'AccessMode')),
  volumeMode: VOLUME_MODE,
};
