import { fieldRule, GuardRule } from './change-rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

const newSnapshot = (m: Manifest) => `take a new VolumeSnapshot under another name from the new source; keep or delete ${m.metadata?.name} on its own`;

/**
 * A VolumeSnapshot's source is fixed once it exists: the snapshot is of that
 * claim (or that content). external-snapshotter refuses the change, in the
 * CRD's validation rules and its webhook (pkg/validation-webhook/snapshot.go
 * checkSnapshotImmutableFieldsV1: "Spec.Source.PersistentVolumeClaimName is
 * immutable but was changed from ... to ...").
 */
export const SNAPSHOT_IMMUTABLE_FIELD: GuardRule = fieldRule({
  id: 'snapshot-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A VolumeSnapshot\'s source (the claim or the content it is of) changes: refused; a snapshot of another source is a new snapshot.',
  source: 'kubernetes-csi/external-snapshotter pkg/validation-webhook/snapshot.go checkSnapshotImmutableFieldsV1; '
    + 'client/config/crd/snapshot.storage.k8s.io_volumesnapshots.yaml (x-kubernetes-validations: persistentVolumeClaimName is immutable)',
}, 'VolumeSnapshot', [
  { field: 'spec.source.persistentVolumeClaimName', value: m => m.spec?.source?.persistentVolumeClaimName, message: 'persistentVolumeClaimName is immutable', fix: newSnapshot },
  { field: 'spec.source.volumeSnapshotContentName', value: m => m.spec?.source?.volumeSnapshotContentName, message: 'volumeSnapshotContentName is immutable', fix: newSnapshot },
]);
