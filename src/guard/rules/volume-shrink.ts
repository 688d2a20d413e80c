import { parseQuantity } from '../../core/quantity';
import { GuardSeverity } from '../guard-types';
import { ChangeRule, finding } from './guard-rule';

const NAME = 'volume-shrink';

/** A PV that says it holds less than before: the API server accepts it, but a bound claim may ask for more than the PV now offers. */
export const VOLUME_SHRINK: ChangeRule = {
  name: NAME,
  kind: 'PersistentVolume',
  check: (old, next) => {
    const [a, b] = [old.spec?.capacity?.storage, next.spec?.capacity?.storage];
    const [x, y] = [parseQuantity(a), parseQuantity(b)];
    return x !== undefined && y !== undefined && y < x
      ? [finding(NAME, old, 'spec.capacity.storage', a, b, GuardSeverity.WARNING, 'the PV says it holds less than before: a claim bound to it may ask for more than it now offers', 'keep the capacity the volume really has')]
      : [];
  },
};
