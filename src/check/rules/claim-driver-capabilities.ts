import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { driverOf } from '../../drivers';
import { Inventory } from '../../manifests/inventory';
import { allClaims, ClaimView, classOf, ClassView } from '../claims-and-classes';
import { sameDriver } from './snapshot-drivers';

const PROVISIONER = 'kubernetes-csi/external-provisioner pkg/controller/controller.go (0688604f)';

/**
 * A claim the external-provisioner refuses because of what it is made from or
 * the VolumeAttributesClass it names: a restore by a driver that takes no
 * snapshots, or of a snapshot of another driver; a clone by a driver that does
 * not clone; a VolumeAttributesClass of another driver, or for a driver that
 * does not modify volumes. The claim stays Pending (ProvisioningFailed).
 */
export const CLAIM_DRIVER_CAPABILITIES: Rule<Inventory> = {
  id: 'claim-driver-capabilities',
  severity: Severity.ERROR,
  summary: 'A claim restored, cloned or tuned by a driver that cannot (no snapshots, no cloning, no MODIFY_VOLUME), or from a snapshot or '
    + 'VolumeAttributesClass of another driver: the provisioner refuses it and it stays Pending.',
  source: `${PROVISIONER} checkDriverCapabilities ("CSI driver does not support snapshot restore", "... clone operations", "... VolumeAttributesClass"), `
    + 'snapshotDifferentDriver ("snapshotcontent %s for snapshot %s is not handled by CSI driver of StorageClass %s"), and '
    + '"VAC %s referenced in PVC is for driver %s which does not match driver name %s"',
  check: (inv: Inventory) => allClaims(inv).flatMap(claim => {
    const cls = classOf(inv, claim);
    if (!cls || typeof cls.provisioner !== 'string') return [];
    return [...sourceHits(inv, claim, cls), ...attributesHits(inv, claim, cls)];
  }),
};

function hit(claim: ClaimView, field: string, message: string, fix: string): Hit {
  return { object: claim.owner, field: `${claim.specPath}.${field}`, message: `${claim.label} ${message}`, fix };
}

function sourceHits(inv: Inventory, claim: ClaimView, cls: ClassView): Hit[] {
  const source = claim.spec.dataSourceRef ?? claim.spec.dataSource;
  if (!source || typeof source.kind !== 'string' || typeof source.name !== 'string') return [];
  const field = claim.spec.dataSourceRef ? 'dataSourceRef' : 'dataSource';
  const facts = driverOf(cls.provisioner)?.facts;
  if (source.kind === 'VolumeSnapshot' && source.apiGroup === 'snapshot.storage.k8s.io') {
    if (facts?.snapshots === false) {
      return [hit(claim, field, `is restored from snapshot ${source.name} on ${cls.label} of ${facts.label}, which does not restore snapshots: `
        + 'the provisioner refuses it ("CSI driver does not support snapshot restore: controller CREATE_DELETE_SNAPSHOT capability is not reported")',
      'restore on a class of the driver that took the snapshot')];
    }
    const snapshotDriver = driverOfSnapshot(inv, claim.namespace, source.name);
    if (snapshotDriver !== undefined && sameDriver(snapshotDriver, cls.provisioner) === false) {
      return [hit(claim, field, `is restored from snapshot ${source.name} of ${snapshotDriver} on ${cls.label} of ${cls.provisioner}: `
        + `the provisioner refuses it ("snapshotcontent ... for snapshot ${source.name} is not handled by CSI driver of StorageClass ${cls.name}")`,
      `restore on a class of ${snapshotDriver}`)];
    }
  }
  if (source.kind === 'PersistentVolumeClaim' && (source.apiGroup ?? '') === '' && facts?.cloning === false) {
    return [hit(claim, field, `is cloned from claim ${source.name} on ${cls.label} of ${facts.label}, which does not clone volumes: `
      + 'the provisioner refuses it ("CSI driver does not support clone operations: controller CLONE_VOLUME capability is not reported")',
    facts.snapshots ? 'take a VolumeSnapshot of the source claim and restore it instead' : 'copy the data with a Job instead')];
  }
  return [];
}

/** The driver of a snapshot in the manifests: its content's, else its class's. */
function driverOfSnapshot(inv: Inventory, namespace: string, name: string): string | undefined {
  const snapshot = inv.findReferenced('VolumeSnapshot', namespace, name);
  const contentName = snapshot?.spec?.source?.volumeSnapshotContentName;
  const content = typeof contentName === 'string' ? inv.find('VolumeSnapshotContent', '', contentName) : undefined;
  if (typeof content?.spec?.driver === 'string') return content.spec.driver;
  const className = snapshot?.spec?.volumeSnapshotClassName;
  const snapshotClass = typeof className === 'string' ? inv.find('VolumeSnapshotClass', '', className) : undefined;
  return typeof snapshotClass?.driver === 'string' ? snapshotClass.driver : undefined;
}

function attributesHits(inv: Inventory, claim: ClaimView, cls: ClassView): Hit[] {
  const name = claim.spec.volumeAttributesClassName;
  if (typeof name !== 'string' || name === '') return [];
  const facts = driverOf(cls.provisioner)?.facts;
  if (facts?.modifiesVolumes === false) {
    return [hit(claim, 'volumeAttributesClassName', `names VolumeAttributesClass ${name} on ${cls.label} of ${facts.label}, which does not modify volumes: `
      + 'the provisioner refuses it ("CSI driver does not support VolumeAttributesClass: controller MODIFY_VOLUME capability is not reported")',
    'remove volumeAttributesClassName; change performance with another class and a copy of the data')];
  }
  const vac = inv.find('VolumeAttributesClass', '', name);
  if (vac && typeof vac.driverName === 'string' && sameDriver(vac.driverName, cls.provisioner) === false) {
    return [hit(claim, 'volumeAttributesClassName', `names VolumeAttributesClass ${name} of ${vac.driverName} on ${cls.label} of ${cls.provisioner}: `
      + `the provisioner refuses it ("VAC ${name} referenced in PVC is for driver ${vac.driverName} which does not match driver name ${cls.provisioner}")`,
    `name a VolumeAttributesClass of ${cls.provisioner}`)];
  }
  return [];
}

/**
 * A VolumeAttributesClass for a driver that does not modify volumes (OCI,
 * NFS, EFS, SPDK, local): every claim naming it is refused.
 */
export const ATTRIBUTES_CLASS_DRIVER_CANNOT_MODIFY: Rule<Inventory> = {
  id: 'attributes-class-driver-cannot-modify',
  severity: Severity.ERROR,
  summary: 'A VolumeAttributesClass for a driver that does not modify volumes: every claim naming it is refused by the provisioner or never modified.',
  source: `the drivers' ControllerGetCapabilities (no MODIFY_VOLUME); ${PROVISIONER} checkDriverCapabilities`,
  check: (inv: Inventory) => inv.ofKind('VolumeAttributesClass').flatMap((vac): Hit[] => {
    const facts = typeof vac.driverName === 'string' ? driverOf(vac.driverName)?.facts : undefined;
    if (facts?.modifiesVolumes !== false) return [];
    return [{
      object: vac,
      field: 'driverName',
      message: `VolumeAttributesClass ${vac.metadata!.name} is for ${facts.label} (${vac.driverName}), which does not modify volumes (no MODIFY_VOLUME): `
        + 'a new claim naming it is refused, and an existing one is never modified',
      fix: 'remove the class; change performance with another StorageClass and a copy of the data',
    }];
  }),
};
