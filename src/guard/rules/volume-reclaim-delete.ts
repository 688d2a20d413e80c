import { GuardSeverity } from '../guard-types';
import { ChangeRule, fieldRule } from './guard-rule';

/** A PV turning to Delete: the volume and its data go when its claim does (https://kubernetes.io/docs/concepts/storage/persistent-volumes/#delete). */
export const VOLUME_RECLAIM_DELETE: ChangeRule = fieldRule('volume-reclaim-delete', 'PersistentVolume', [{
  field: 'spec.persistentVolumeReclaimPolicy',
  value: m => m.spec?.persistentVolumeReclaimPolicy ?? 'Retain',
  onlyTo: 'Delete',
  severity: GuardSeverity.DATA_LOSS,
  message: 'the volume and its data are deleted when its claim is',
  remedy: () => 'keep Retain',
}]);
