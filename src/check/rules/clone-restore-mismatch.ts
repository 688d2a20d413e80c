import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { ALLOW_VOLUME_MODE_CHANGE_ANNOTATION } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';
import { allClaims, claimsByObject, ClaimView, requestedSize } from '../claims-and-classes';


/** What a claim is made from: dataSourceRef, or dataSource (the API server copies one into the other). */
function sourceOf(claim: ClaimView): { kind: string; name: string; apiGroup: string } | undefined {
  const source = claim.spec.dataSourceRef ?? claim.spec.dataSource;
  if (!source || typeof source.name !== 'string' || typeof source.kind !== 'string') return undefined;
  return { kind: source.kind, name: source.name, apiGroup: source.apiGroup ?? '' };
}

/**
 * A claim cloned from another claim, or restored from a VolumeSnapshot of
 * one, that the provisioner refuses: the new volume must be of the source's
 * class (a clone), its volume mode, and at least its size. The claim then
 * stays Pending with a ProvisioningFailed event.
 */
export const CLONE_RESTORE_MISMATCH: Rule<Inventory> = {
  id: 'clone-restore-mismatch',
  severity: Severity.ERROR,
  summary: 'A claim cloned from a claim (or restored from a snapshot of one in the manifests) with another class, another volume mode or a smaller size: '
    + 'the provisioner refuses it, and it stays Pending.',
  source: 'https://kubernetes.io/docs/concepts/storage/volume-pvc-datasource/ ("Cloning is only supported within the same Storage Class", '
    + '"the same VolumeMode", "equal or larger"); https://kubernetes.io/docs/concepts/storage/volume-snapshots/#convert-volume-mode; '
    + 'kubernetes-csi/external-provisioner pkg/controller/controller.go getPVCSource ("the source PVC and destination PVCs must be in the same storage class '
    + 'for cloning", "new PVC request must be greater than or equal in size to the specified PVC data source")',
  check: (inv: Inventory) => allClaims(inv).flatMap(claim => {
    const source = sourceOf(claim);
    if (!source) return [];
    if (source.kind === 'PersistentVolumeClaim' && source.apiGroup === '') {
      const from = inv.findReferenced('PersistentVolumeClaim', claim.namespace, source.name);
      const view = from && claimsByObject(inv).get(from);
      return view ? compare(inv, claim, view, `claim ${source.name}`, true) : [];
    }
    if (source.kind === 'VolumeSnapshot' && source.apiGroup === 'snapshot.storage.k8s.io') {
      const snapshot = inv.findReferenced('VolumeSnapshot', claim.namespace, source.name);
      const sourceClaim = snapshot?.spec?.source?.persistentVolumeClaimName;
      const from = typeof sourceClaim === 'string' ? inv.findReferenced('PersistentVolumeClaim', claim.namespace, sourceClaim) : undefined;
      const view = from && claimsByObject(inv).get(from);
      return view ? compare(inv, claim, view, `snapshot ${source.name} of claim ${sourceClaim}`, false) : [];
    }
    return [];
  }),
};

function compare(inv: Inventory, claim: ClaimView, from: ClaimView, what: string, clone: boolean): Hit[] {
  const hits: Hit[] = [];
  const hit = (field: string, message: string, fix: string) => hits.push({ object: claim.owner, field: `${claim.specPath}.${field}`, message: `${claim.label} is made from ${what}, but ${message}`, fix });
  // Compared by name (a class need not be in the manifests); a claim that names none has the default, which may be either.
  const [mine, theirs] = [claim.className, from.className];
  if (clone && mine !== undefined && theirs !== undefined && mine !== theirs) {
    hit('storageClassName', `is of class ${mine} and the source of ${theirs}: a clone is made by the source's driver, in the source's class`, `use class ${theirs}`);
  }
  if (claim.volumeMode !== from.volumeMode && !(clone === false && allowsModeChange(inv, claim))) {
    hit('volumeMode', `is ${claim.volumeMode} and the source ${from.volumeMode}: the provisioner refuses to change the volume mode`, `use volumeMode ${from.volumeMode}`);
  }
  const [size, sourceSize] = [requestedSize(claim), requestedSize(from)];
  if (size && sourceSize && size.thousandths < sourceSize.thousandths) {
    hit('resources.requests.storage', `asks for ${size.text}, less than the source's ${sourceSize.text}: the provisioner refuses a smaller volume`, `ask for at least ${sourceSize.text}`);
  }
  return hits;
}

/** Whether the snapshot's content (when the manifests hold it) allows a restore in another volume mode. */
function allowsModeChange(inv: Inventory, claim: ClaimView): boolean {
  const source = sourceOf(claim)!;
  const snapshot = inv.findReferenced('VolumeSnapshot', claim.namespace, source.name);
  const contentName = snapshot?.spec?.source?.volumeSnapshotContentName ?? snapshot?.status?.boundVolumeSnapshotContentName;
  const content = typeof contentName === 'string' ? inv.find('VolumeSnapshotContent', '', contentName) : undefined;
  return content?.metadata?.annotations?.[ALLOW_VOLUME_MODE_CHANGE_ANNOTATION] === 'true';
}
