import { GuardRule } from './change-rule';
import { CLAIM_IMMUTABLE_FIELD } from './claim-immutable-field';
import { CLAIM_SIZE_CHANGE } from './claim-size-change';
import { CSIDRIVER_IMMUTABLE_FIELD } from './csidriver-immutable-field';
import { DATA_OBJECT_REMOVED } from './data-object-removed';
import { SERVICE_CLUSTER_IP } from './service-cluster-ip';
import { SNAPSHOT_IMMUTABLE_FIELD } from './snapshot-immutable-field';
import { SNAPSHOT_REMOVED } from './snapshot-removed';
import { STATEFULSET_CLAIM_RETENTION } from './statefulset-claim-retention';
import { STATEFULSET_CLAIM_TEMPLATE } from './statefulset-claim-template';
import { STATEFULSET_IMMUTABLE_FIELD } from './statefulset-immutable-field';
import { STORAGE_CLASS_IMMUTABLE_FIELD } from './storage-class-immutable-field';
import { VOLUME_ATTRIBUTES_CLASS_IMMUTABLE_FIELD } from './volume-attributes-class-immutable-field';
import { VOLUME_IMMUTABLE_FIELD } from './volume-immutable-field';
import { VOLUME_RECLAIM_DELETE } from './volume-reclaim-delete';
import { VOLUME_SHRINK } from './volume-shrink';

/**
 * Every rule of the guard, in the order findings are reported. A new rule is
 * a file in this folder (the shape every rule has, `Rule<Change>`), a line
 * here, and a refused and an allowed case in test/guard-rules.test.ts; the
 * README's table is generated from this list.
 */
export const GUARD_RULES: readonly GuardRule[] = [
  STATEFULSET_IMMUTABLE_FIELD,
  STATEFULSET_CLAIM_RETENTION,
  STATEFULSET_CLAIM_TEMPLATE,
  STORAGE_CLASS_IMMUTABLE_FIELD,
  CLAIM_IMMUTABLE_FIELD,
  CLAIM_SIZE_CHANGE,
  VOLUME_IMMUTABLE_FIELD,
  VOLUME_RECLAIM_DELETE,
  VOLUME_SHRINK,
  CSIDRIVER_IMMUTABLE_FIELD,
  VOLUME_ATTRIBUTES_CLASS_IMMUTABLE_FIELD,
  SERVICE_CLUSTER_IP,
  SNAPSHOT_IMMUTABLE_FIELD,
  DATA_OBJECT_REMOVED,
  SNAPSHOT_REMOVED,
];
