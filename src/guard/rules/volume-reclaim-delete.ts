import { fieldRule, GuardRule } from './change-rule';
import { Severity } from '../../analysis/severity';

/** A PV turning to Delete: the volume and its data go when its claim does. */
export const VOLUME_RECLAIM_DELETE: GuardRule = fieldRule({
  id: 'volume-reclaim-delete',
  severity: Severity.DATA_LOSS,
  summary: 'A PV\'s persistentVolumeReclaimPolicy turns to Delete: the volume and its data are deleted when its claim is.',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#delete',
}, 'PersistentVolume', [{
  field: 'spec.persistentVolumeReclaimPolicy',
  value: m => m.spec?.persistentVolumeReclaimPolicy ?? 'Retain',
  onlyTo: 'Delete',
  message: 'the volume and its data are deleted when its claim is',
  fix: () => 'keep Retain',
}]);
