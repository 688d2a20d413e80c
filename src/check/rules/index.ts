import { ACCESS_MODE_UNSERVED } from './access-mode-unserved';
import { API_REFUSED_RULES } from './api-refused';
import { CLAIM_DEFAULT_CLASS } from './claim-default-class';
import { ATTRIBUTES_CLASS_DRIVER_CANNOT_MODIFY, CLAIM_DRIVER_CAPABILITIES } from './claim-driver-capabilities';
import { CLAIM_EXCEEDS_LOCAL_VOLUMES } from './claim-exceeds-local-volumes';
import { CLAIM_PREBOUND_DEFAULT_CLASS } from './claim-prebound-default-class';
import { CLAIM_TEMPLATE_NAME } from './claim-template-name';
import { CLASS_PARAMETERS_REFUSED } from './class-parameters-refused';
import { CLONE_RESTORE_MISMATCH } from './clone-restore-mismatch';
import { CSI_CLUSTER_SECRETS_ACCESS } from './csi-cluster-secrets-access';
import { CSI_PLAINTEXT_CREDENTIALS } from './csi-plaintext-credentials';
import { DEFAULT_CLASS_AMBIGUOUS } from './default-class-ambiguous';
import { DRIVER_SIZE_LIMITS } from './driver-size-limits';
import { HOSTPATH_DATA_VOLUME } from './hostpath-data-volume';
import { HOSTPATH_PROVISIONER_CLASS } from './hostpath-provisioner-class';
import { IN_TREE_VOLUME_MIGRATED } from './in-tree-volume-migrated';
import { IN_TREE_VOLUME_REMOVED } from './in-tree-volume-removed';
import { LOCAL_IMMEDIATE_BINDING } from './local-immediate-binding';
import { LOCAL_VOLUME_DELETE } from './local-volume-delete';
import { LOCAL_VOLUME_MANY_NODES } from './local-volume-many-nodes';
import { LOCAL_VOLUME_NODE_AFFINITY } from './local-volume-node-affinity';
import { PRUNE_PROTECTION } from './prune-protection';
import { RECYCLE_RECLAIM_POLICY } from './recycle-reclaim-policy';
import { SINGLE_POD_CLAIM_SHARED } from './single-pod-claim-shared';
import { SNAPSHOT_API_VERSION_RULE } from './snapshot-api-version';
import { SNAPSHOT_CLASS_DRIVER_CANNOT_SNAPSHOT, SNAPSHOT_CLASS_DRIVER_MISMATCH } from './snapshot-drivers';
import { STATEFULSET_NAME_LENGTH } from './statefulset-name-length';
import { STATEFULSET_SCALE_DOWN_DELETES } from './statefulset-scale-down-deletes';
import { STATEFULSET_SERVICE_MISSING } from './statefulset-service-missing';
import { STATEFULSET_SERVICE_NOT_HEADLESS } from './statefulset-service-not-headless';
import { STATEFULSET_SERVICE_SELECTOR } from './statefulset-service-selector';
import { STATIC_STORAGE_DELETE } from './static-storage-delete';
import { STORAGE_API_REMOVED } from './storage-api-removed';
import { VOLUME_MODE_MISMATCH } from './volume-mode-mismatch';
import { WRITE_ONCE_CLAIM_ROLLING_UPDATE } from './write-once-claim-rolling-update';
import { WRITE_ONCE_CLAIM_SHARED } from './write-once-claim-shared';
import { ZONAL_IMMEDIATE_BINDING } from './zonal-immediate-binding';
import { Rule } from '../../analysis/rule';
import { Inventory } from '../../manifests/inventory';

/** Every rule, in the order findings are reported. */
export const CHECK_RULES: readonly Rule<Inventory>[] = [
  ...API_REFUSED_RULES,
  ACCESS_MODE_UNSERVED,
  DRIVER_SIZE_LIMITS,
  CLASS_PARAMETERS_REFUSED,
  CLAIM_EXCEEDS_LOCAL_VOLUMES,
  CLAIM_PREBOUND_DEFAULT_CLASS,
  LOCAL_IMMEDIATE_BINDING,
  ZONAL_IMMEDIATE_BINDING,
  LOCAL_VOLUME_NODE_AFFINITY,
  LOCAL_VOLUME_MANY_NODES,
  LOCAL_VOLUME_DELETE,
  STATIC_STORAGE_DELETE,
  RECYCLE_RECLAIM_POLICY,
  STATEFULSET_NAME_LENGTH,
  CLAIM_TEMPLATE_NAME,
  STATEFULSET_SERVICE_MISSING,
  STATEFULSET_SERVICE_NOT_HEADLESS,
  STATEFULSET_SERVICE_SELECTOR,
  SINGLE_POD_CLAIM_SHARED,
  WRITE_ONCE_CLAIM_SHARED,
  WRITE_ONCE_CLAIM_ROLLING_UPDATE,
  VOLUME_MODE_MISMATCH,
  CLONE_RESTORE_MISMATCH,
  CLAIM_DRIVER_CAPABILITIES,
  SNAPSHOT_CLASS_DRIVER_CANNOT_SNAPSHOT,
  SNAPSHOT_CLASS_DRIVER_MISMATCH,
  ATTRIBUTES_CLASS_DRIVER_CANNOT_MODIFY,
  SNAPSHOT_API_VERSION_RULE,
  STORAGE_API_REMOVED,
  IN_TREE_VOLUME_REMOVED,
  IN_TREE_VOLUME_MIGRATED,
  DEFAULT_CLASS_AMBIGUOUS,
  STATEFULSET_SCALE_DOWN_DELETES,
  HOSTPATH_DATA_VOLUME,
  HOSTPATH_PROVISIONER_CLASS,
  CSI_PLAINTEXT_CREDENTIALS,
  CSI_CLUSTER_SECRETS_ACCESS,
  CLAIM_DEFAULT_CLASS,
  PRUNE_PROTECTION,
];
