import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { driverOf } from '../../drivers';
import { Inventory } from '../../manifests/inventory';
import { Manifest, namespaceOf } from '../../manifests/manifest';
import { claimsByObject, classOf } from '../claims-and-classes';

/**
 * Whether two driver names are the same driver: the same name, or names the
 * registry gives one driver (an in-tree provisioner and its CSI driver).
 * `undefined` when that cannot be told: an in-tree name the registry does not
 * know may be migrated to either.
 */
export function sameDriver(a: string, b: string): boolean | undefined {
  if (a === b) return true;
  const [da, db] = [driverOf(a), driverOf(b)];
  if (da && db) return da === db;
  if ((!da && a.startsWith('kubernetes.io/')) || (!db && b.startsWith('kubernetes.io/'))) return undefined;
  return false;
}

/** The label of a driver the registry knows ("AWS EFS (efs.csi.aws.com)"), or its name. */
function driverLabel(name: string): string {
  const driver = driverOf(name);
  return driver ? `${driver.facts.label} (${name})` : name;
}

/**
 * A VolumeSnapshotClass for a driver that takes no snapshots: no snapshotter
 * sidecar serves it, so every snapshot of the class stays not ready.
 */
export const SNAPSHOT_CLASS_DRIVER_CANNOT_SNAPSHOT: Rule<Inventory> = {
  id: 'snapshot-class-driver-cannot-snapshot',
  severity: Severity.ERROR,
  summary: 'A VolumeSnapshotClass for a driver that does not take snapshots (EFS, local volumes): its snapshots never become ready.',
  source: 'the drivers\' ControllerGetCapabilities (no CREATE_DELETE_SNAPSHOT): aws-efs-csi-driver pkg/driver/controller.go (CreateSnapshot is Unimplemented); '
    + 'external-snapshotter pkg/common-controller/snapshot_controller.go ("cannot find CSI PersistentVolumeSource for volume" for a non-CSI volume)',
  check: (inv: Inventory) => inv.ofKind('VolumeSnapshotClass').flatMap((cls): Hit[] => {
    const name = typeof cls.driver === 'string' ? cls.driver : undefined;
    const driver = name === undefined ? undefined : driverOf(name);
    if (!driver || driver.facts.snapshots !== false) return [];
    return [{
      object: cls,
      field: 'driver',
      message: `VolumeSnapshotClass ${cls.metadata!.name} is for ${driverLabel(name!)}, which takes no snapshots (it does not report CREATE_DELETE_SNAPSHOT): `
        + 'every VolumeSnapshot of this class stays not ready',
      fix: 'remove the class; back the data up with a tool that copies files (EFS: AWS Backup), or move it to a driver that snapshots',
    }];
  }),
};

/**
 * A VolumeSnapshot of a claim whose class is of another driver than the
 * snapshot class: the snapshot controller takes the driver from the class
 * (getCreateSnapshotInput), so the class's driver is handed a volume it does
 * not own and the snapshot never becomes ready.
 */
export const SNAPSHOT_CLASS_DRIVER_MISMATCH: Rule<Inventory> = {
  id: 'snapshot-class-driver-mismatch',
  severity: Severity.ERROR,
  summary: 'A VolumeSnapshot names a snapshot class of another driver than its claim\'s class: the class\'s driver cannot snapshot the volume, and the snapshot never becomes ready.',
  source: 'kubernetes-csi/external-snapshotter pkg/common-controller/snapshot_controller.go getCreateSnapshotInput and getSnapshotDriverName '
    + '(afb2f0d8: the content\'s driver is the class\'s)',
  check: (inv: Inventory) => inv.ofKind('VolumeSnapshot').flatMap((snapshot): Hit[] => {
    const mismatch = snapshotDrivers(inv, snapshot);
    if (!mismatch) return [];
    return [{
      object: snapshot,
      field: 'spec.volumeSnapshotClassName',
      message: `VolumeSnapshot ${snapshot.metadata!.name} of claim ${mismatch.claim} names snapshot class ${mismatch.snapshotClass} of ${driverLabel(mismatch.snapshotDriver)}, `
        + `but the claim's ${mismatch.claimClass} is of ${driverLabel(mismatch.claimDriver)}: the snapshot never becomes ready`,
      fix: `name a snapshot class of ${mismatch.claimDriver}`,
    }];
  }),
};

/** The drivers of a snapshot of a claim and of its class, when both are known and differ. */
interface DriverMismatch {
  readonly claim: string;
  readonly claimClass: string;
  readonly claimDriver: string;
  readonly snapshotClass: string;
  readonly snapshotDriver: string;
}

function snapshotDrivers(inv: Inventory, snapshot: Manifest): DriverMismatch | undefined {
  const claimName = snapshot.spec?.source?.persistentVolumeClaimName;
  const className = snapshot.spec?.volumeSnapshotClassName;
  if (typeof claimName !== 'string' || typeof className !== 'string') return undefined;
  const snapshotClass = inv.find('VolumeSnapshotClass', '', className);
  const claim = inv.findReferenced('PersistentVolumeClaim', namespaceOf(snapshot), claimName);
  const view = claim && claimsByObject(inv).get(claim);
  const cls = view && classOf(inv, view);
  if (!snapshotClass || typeof snapshotClass.driver !== 'string' || !cls || typeof cls.provisioner !== 'string') return undefined;
  if (sameDriver(cls.provisioner, snapshotClass.driver) !== false) return undefined;
  return { claim: claimName, claimClass: cls.label, claimDriver: cls.provisioner, snapshotClass: className, snapshotDriver: snapshotClass.driver };
}
