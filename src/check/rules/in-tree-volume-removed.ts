import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory } from '../../manifests/inventory';
import { REMOVED_PLUGINS, inTreeHits, inTreeUses } from '../in-tree-plugins';

export const IN_TREE_VOLUME_REMOVED: Rule<Inventory> = {
  id: 'in-tree-volume-removed',
  severity: Severity.ERROR,
  summary: 'A pod volume, PV or StorageClass of an in-tree plugin Kubernetes removed without migration (rbd, cephfs, glusterfs, flocker, quobyte, storageos, '
    + 'scaleIO, photon; gitRepo disabled): it applies, but never mounts or provisions.',
  source: 'https://kubernetes.io/docs/concepts/storage/volumes/ (each type\'s note: "removed entirely in the v1.X release"); '
    + 'kubernetes pkg/api/pod/warnings.go ("non-functional in v1.X+"); CHANGELOG-1.25 (#111618, #111619, #111620), CHANGELOG-1.26 (#112015), '
    + 'CHANGELOG-1.36 (gitRepo, #136400)',
  check: (inv: Inventory) => inTreeHits(inTreeUses(inv, REMOVED_PLUGINS), ({ what, field, plugin }) => ({
    message: plugin.field === 'gitRepo'
      ? `${what} is a gitRepo volume, which Kubernetes ${plugin.since} and later disable (the GitRepoVolumeDriver gate turns it back on until 1.36): `
        + 'the pod never starts'
      : `${what} uses the in-tree ${field === 'provisioner' ? plugin.provisioner : plugin.field} plugin, which Kubernetes ${plugin.since} removed: `
        + `the object applies, but ${field === 'provisioner' ? 'its claims stay Pending' : 'the volume never mounts ("no volume plugin matched")'}`,
    fix: `use ${plugin.instead}`,
  })),
};
