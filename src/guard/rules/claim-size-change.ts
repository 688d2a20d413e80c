import { parseQuantity } from '../../core/quantity';
import { GuardSeverity } from '../guard-types';
import { ChangeRule, finding } from './guard-rule';

const NAME = 'claim-size-change';
const FIELD = 'spec.resources.requests.storage';

/**
 * A claim may only grow, and only on a class that allows expansion
 * (ValidatePersistentVolumeClaimUpdate; the admission plugin
 * plugin/pkg/admission/storage/persistentvolume/resize).
 */
export const CLAIM_SIZE_CHANGE: ChangeRule = {
  name: NAME,
  kind: 'PersistentVolumeClaim',
  check: (old, next, after) => {
    const [a, b] = [old.spec?.resources?.requests?.storage, next.spec?.resources?.requests?.storage];
    const [x, y] = [parseQuantity(a), parseQuantity(b)];
    if (x === undefined || y === undefined || x === y) return [];
    if (y < x) return [finding(NAME, old, FIELD, a, b, GuardSeverity.REFUSED, 'a claim cannot shrink (field can not be less than previous value)', 'keep the size, or move the data to a new, smaller claim')];
    const className = next.spec?.storageClassName;
    const cls = className ? after.get(`StorageClass//${className}`) : undefined;
    if (cls?.allowVolumeExpansion === true) return [];
    return [cls || className === ''
      ? finding(NAME, old, FIELD, a, b, GuardSeverity.REFUSED,
        `only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize (class "${className}" has no allowVolumeExpansion)`,
        'set allowVolumeExpansion: true on the class (it is mutable) if its driver can expand volumes, or move to a new, larger claim')
      : finding(NAME, old, FIELD, a, b, GuardSeverity.WARNING, `the claim grows, and its class "${className ?? '(default)'}" is not in these manifests, so whether it allows expansion is unknown`,
        'check that the class has allowVolumeExpansion: true and a driver that can expand volumes')];
  },
};
