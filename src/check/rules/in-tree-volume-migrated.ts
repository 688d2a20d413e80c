import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory } from '../../manifests/inventory';
import { MIGRATED_PLUGINS, inTreeHits, inTreeUses } from '../in-tree-plugins';

export const IN_TREE_VOLUME_MIGRATED: Rule<Inventory> = {
  id: 'in-tree-volume-migrated',
  severity: Severity.WARNING,
  summary: 'A pod volume, PV or StorageClass of a deprecated in-tree plugin that CSI migration rewrites (aws-ebs, gce-pd, azure-disk, azure-file, cinder, '
    + 'vsphere, portworx): it works only where the CSI driver is installed.',
  source: 'https://kubernetes.io/docs/concepts/storage/volumes/ ("all operations for the in-tree ... type are redirected to the ... CSI driver"; '
    + '"you must have installed and configured the appropriate CSI driver"); k8s.io/csi-translation-lib',
  check: (inv: Inventory) => inTreeHits(inTreeUses(inv, MIGRATED_PLUGINS), ({ what, field, plugin }) => ({
    message: `${what} uses the deprecated in-tree ${field === 'provisioner' ? plugin.provisioner : plugin.field} plugin, whose code Kubernetes ${plugin.since} `
      + `removed: CSI migration hands it to the ${plugin.csiDriver} driver, so it works only on clusters where that driver is installed, `
      + `and ${field === 'provisioner' ? 'its claims stay Pending' : 'the volume never mounts'} where it is not`,
    fix: field === 'provisioner'
      ? `name the CSI driver: provisioner: ${plugin.csiDriver} (the field is immutable: recreate the class; bound volumes keep working)`
      : `use a claim of a ${plugin.csiDriver} class, or a csi volume source with driver ${plugin.csiDriver}`,
  })),
};
