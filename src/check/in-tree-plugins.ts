import { Hit } from '../analysis/rule';
import { objectAt, objectsAt } from '../manifests/fields';
import { Inventory } from '../manifests/inventory';
import { Manifest } from '../manifests/manifest';

/**
 * The in-tree volume plugins Kubernetes has taken out, by the field a pod
 * volume or a PV names them with and the provisioner name a StorageClass
 * gives. The API keeps every field (v1 fields are never removed), so such
 * objects still apply; what fails is the mount or the provisioning.
 * Sources: https://kubernetes.io/docs/concepts/storage/volumes/ (each
 * type's note), kubernetes pkg/api/pod/warnings.go ("non-functional in
 * v1.X+"), the CHANGELOG of the release named, and
 * k8s.io/csi-translation-lib for the CSI drivers migration hands them to.
 */
export interface InTreePlugin {
  /** The volume source field: `glusterfs`. */
  readonly field: string;
  /** The StorageClass provisioner, for those that had one. */
  readonly provisioner?: string;
  /** The release from which it no longer works. */
  readonly since: string;
  /** For a migrated plugin: the CSI driver that CSI migration hands its volumes to. */
  readonly csiDriver?: string;
  /** What to use instead (for removed plugins). */
  readonly instead?: string;
}

/** Removed with no migration: volumes never mount and claims stay Pending from `since` on. */
export const REMOVED_PLUGINS: readonly InTreePlugin[] = [
  { field: 'photonPersistentDisk', provisioner: 'kubernetes.io/photon-pd', since: '1.16', instead: 'another volume type (the Photon Controller platform is gone)' },
  { field: 'scaleIO', provisioner: 'kubernetes.io/scaleio', since: '1.22', instead: 'the vendor\'s CSI driver (PowerFlex: csi-vxflexos.dellemc.com)' },
  { field: 'flocker', provisioner: 'kubernetes.io/flocker', since: '1.25', instead: 'a CSI driver' },
  { field: 'quobyte', provisioner: 'kubernetes.io/quobyte', since: '1.25', instead: 'the vendor\'s CSI driver (quobyte-csi)' },
  { field: 'storageos', provisioner: 'kubernetes.io/storageos', since: '1.25', instead: 'the vendor\'s CSI driver' },
  { field: 'glusterfs', provisioner: 'kubernetes.io/glusterfs', since: '1.26', instead: 'a CSI driver (GlusterFS has no maintained one)' },
  { field: 'cephfs', since: '1.31', instead: 'ceph-csi (cephfs.csi.ceph.com)' },
  { field: 'rbd', provisioner: 'kubernetes.io/rbd', since: '1.31', instead: 'ceph-csi (rbd.csi.ceph.com)' },
  // Disabled by default in 1.33 (feature gate GitRepoVolumeDriver), locked off in 1.36 (CHANGELOG-1.36, #136400).
  { field: 'gitRepo', since: '1.33', instead: 'an init container that clones into an emptyDir volume' },
];

/** Removed from the tree, but CSI migration hands their volumes to a CSI driver: they work only where that driver is installed. */
export const MIGRATED_PLUGINS: readonly InTreePlugin[] = [
  { field: 'cinder', provisioner: 'kubernetes.io/cinder', since: '1.26', csiDriver: 'cinder.csi.openstack.org' },
  { field: 'awsElasticBlockStore', provisioner: 'kubernetes.io/aws-ebs', since: '1.27', csiDriver: 'ebs.csi.aws.com' },
  { field: 'azureDisk', provisioner: 'kubernetes.io/azure-disk', since: '1.27', csiDriver: 'disk.csi.azure.com' },
  { field: 'gcePersistentDisk', provisioner: 'kubernetes.io/gce-pd', since: '1.28', csiDriver: 'pd.csi.storage.gke.io' },
  { field: 'azureFile', provisioner: 'kubernetes.io/azure-file', since: '1.30', csiDriver: 'file.csi.azure.com' },
  { field: 'vsphereVolume', provisioner: 'kubernetes.io/vsphere-volume', since: '1.30', csiDriver: 'csi.vsphere.vmware.com' },
  { field: 'portworxVolume', provisioner: 'kubernetes.io/portworx-volume', since: '1.36', csiDriver: 'pxd.portworx.com' },
];

/** Where an object names an in-tree plugin of `plugins`, with the plugin. */
export interface InTreeUse {
  readonly object: Manifest;
  readonly field: string;
  /** For messages: `pod volume data of Deployment web`, `PV pv-1`, `class slow`. */
  readonly what: string;
  readonly plugin: InTreePlugin;
}

/** Every pod volume, PV and StorageClass of the manifests that names one of `plugins` (the manifests are read once for both rules). */
export function inTreeUses(inv: Inventory, plugins: readonly InTreePlugin[]): InTreeUse[] {
  return inv.remember('in-tree plugin uses', () => readUses(inv, [...REMOVED_PLUGINS, ...MIGRATED_PLUGINS])).filter(use => plugins.includes(use.plugin));
}

function readUses(inv: Inventory, plugins: readonly InTreePlugin[]): InTreeUse[] {
  const byField = new Map(plugins.map(p => [p.field, p]));
  const byProvisioner = new Map(plugins.filter(p => p.provisioner).map(p => [p.provisioner!, p]));
  const uses: InTreeUse[] = [];
  for (const w of inv.workloads) {
    objectsAt(w.object, w.podSpec.volumes, () => `${w.podSpecPath}.volumes`).forEach((v, i) => {
      for (const key of Object.keys(v)) {
        const plugin = byField.get(key);
        if (plugin) uses.push({ object: w.object, field: `${w.podSpecPath}.volumes[${i}].${key}`, what: `pod volume ${v.name} of ${w.object.kind} ${w.object.metadata!.name}`, plugin });
      }
    });
  }
  for (const pv of inv.ofKind('PersistentVolume')) {
    for (const key of Object.keys(objectAt(pv, pv.spec, 'spec') ?? {})) {
      const plugin = byField.get(key);
      if (plugin) uses.push({ object: pv, field: `spec.${key}`, what: `PV ${pv.metadata!.name}`, plugin });
    }
  }
  for (const cls of inv.classes.values()) {
    const plugin = byProvisioner.get(cls.provisioner);
    if (plugin) uses.push({ object: cls, field: 'provisioner', what: `class ${cls.metadata!.name}`, plugin });
  }
  if (uses.length < 2) return uses;
  // Reported in the order of the manifests (the sort is stable: one object's volumes keep theirs).
  const order = new Map(inv.objects.map((m, i) => [m, i]));
  return uses.sort((a, b) => order.get(a.object)! - order.get(b.object)!);
}

/** The hits of `uses`, each worded by `describe`. */
export function inTreeHits(uses: InTreeUse[], describe: (use: InTreeUse) => { message: string; fix: string }): Hit[] {
  return uses.map(use => ({ object: use.object, field: use.field, ...describe(use) }));
}
