import { changeHit, GuardRule, objectRule } from './change-rule';
import { Severity } from '../../analysis/severity';
import { parseQuantity } from '../../core/quantity';

const FIELD = 'spec.resources.requests.storage';

/**
 * A claim may only grow, and only on a class that allows expansion
 * (ValidatePersistentVolumeClaimUpdate; the admission plugin
 * plugin/pkg/admission/storage/persistentvolume/resize).
 */
export const CLAIM_SIZE_CHANGE: GuardRule = objectRule({
  id: 'claim-size-change',
  severity: Severity.REFUSED,
  summary: 'A claim shrinks, or grows on a class without allowVolumeExpansion: refused (a warning when the class is not in the manifests).',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate; plugin/pkg/admission/storage/persistentvolume/resize',
}, 'PersistentVolumeClaim', (old, next, change) => {
  const [a, b] = [old.spec?.resources?.requests?.storage, next.spec?.resources?.requests?.storage];
  const [x, y] = [parseQuantity(a), parseQuantity(b)];
  if (x === undefined || y === undefined || x === y) return [];
  if (y < x) return [changeHit(next, FIELD, a, b, 'a claim cannot shrink (field can not be less than previous value)', 'keep the size, or move the data to a new, smaller claim')];
  const className = next.spec?.storageClassName;
  const cls = className ? change.current.get(`StorageClass//${className}`) : undefined;
  if (cls?.allowVolumeExpansion === true) return [];
  return [cls || className === ''
    ? changeHit(next, FIELD, a, b,
      `only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize (class "${className}" has no allowVolumeExpansion)`,
      'set allowVolumeExpansion: true on the class (it is mutable) if its driver can expand volumes, or move to a new, larger claim')
    : changeHit(next, FIELD, a, b, `the claim grows, and its class "${className ?? '(default)'}" is not in these manifests, so whether it allows expansion is unknown`,
      'check that the class has allowVolumeExpansion: true and a driver that can expand volumes', Severity.WARNING)];
});
