import { CLAIM_IMMUTABLE_FIELD } from './claim-immutable-field';
import { CLAIM_SIZE_CHANGE } from './claim-size-change';
import { CSIDRIVER_IMMUTABLE_FIELD } from './csidriver-immutable-field';
import { DATA_OBJECT_REMOVED } from './data-object-removed';
import { ChangeRule, RemovalRule } from './guard-rule';
import { SERVICE_CLUSTER_IP } from './service-cluster-ip';
import { STATEFULSET_CLAIM_RETENTION } from './statefulset-claim-retention';
import { STATEFULSET_CLAIM_TEMPLATE } from './statefulset-claim-template';
import { STATEFULSET_IMMUTABLE_FIELD } from './statefulset-immutable-field';
import { STORAGE_CLASS_IMMUTABLE_FIELD } from './storage-class-immutable-field';
import { VOLUME_IMMUTABLE_FIELD } from './volume-immutable-field';
import { VOLUME_RECLAIM_DELETE } from './volume-reclaim-delete';
import { VOLUME_SHRINK } from './volume-shrink';

/**
 * Every rule of the guard. A new rule is a file in this folder (a
 * `ChangeRule` or a `RemovalRule`), a line here, a row in the README's table,
 * and a refused and an allowed case in test/guard-rules.test.ts. Findings come
 * in this order for each object.
 */
export const CHANGE_RULES: ChangeRule[] = [
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
  SERVICE_CLUSTER_IP,
];

export const REMOVAL_RULES: RemovalRule[] = [DATA_OBJECT_REMOVED];
