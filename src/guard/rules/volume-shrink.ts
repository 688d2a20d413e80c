import { changeHit, GuardRule, objectRule } from './change-rule';
import { Severity } from '../../analysis/severity';
import { parseQuantity } from '../../core/quantity';

/** A PV that says it holds less than before: the API server accepts it, but a bound claim may ask for more than the PV now offers. */
export const VOLUME_SHRINK: GuardRule = objectRule({
  id: 'volume-shrink',
  severity: Severity.WARNING,
  summary: 'A PV\'s capacity shrinks: accepted, but a claim bound to it may ask for more than it now offers.',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate (capacity is mutable)',
}, 'PersistentVolume', (old, next) => {
  const [a, b] = [old.spec?.capacity?.storage, next.spec?.capacity?.storage];
  const [x, y] = [parseQuantity(a), parseQuantity(b)];
  return x !== undefined && y !== undefined && y < x
    ? [changeHit(next, 'spec.capacity.storage', a, b, 'the PV says it holds less than before: a claim bound to it may ask for more than it now offers', 'keep the capacity the volume really has')]
    : [];
});
