import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { AccessMode } from '../../core/access-mode';
import { Inventory } from '../../manifests/inventory';
import { allClaims, ClaimView, classOf, servedBy } from '../claims-and-classes';

/**
 * GCE PD serves a new ReadOnlyMany volume only from a data source
 * (pkg/gce-pd-csi-driver/controller.go CreateVolume refuses read-only
 * without a VolumeContentSource).
 */
function readOnlyFromSource(claim: ClaimView, driver: string): boolean {
  return driver === 'pd.csi.storage.gke.io' && (claim.spec.dataSource !== undefined || claim.spec.dataSourceRef !== undefined);
}

export const ACCESS_MODE_UNSERVED: Rule<Inventory> = {
  id: 'access-mode-unserved',
  severity: Severity.ERROR,
  summary: 'A claim asks for an access mode or a volume mode that its class\'s driver does not serve: it is never provisioned, or never mounts.',
  source: 'the drivers\' code, as encoded in this library\'s access-mode enums: aws-ebs-csi-driver, oci-cloud-controller-manager, '
    + 'gcp-compute-persistent-disk-csi-driver, azuredisk-csi-driver, aws-efs-csi-driver, csi-driver-nfs, spdk-csi; '
    + 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes',
  check: (inv: Inventory) => allClaims(inv).flatMap(claim => {
    const cls = classOf(inv, claim);
    const served = cls && servedBy(inv, cls, claim.volumeMode);
    if (!cls || !served) return [];
    const hits: Hit[] = [];
    if (claim.volumeMode === 'Block' && served.blockModeProblem) {
      hits.push({
        object: claim.owner,
        field: `${claim.specPath}.volumeMode`,
        message: `${claim.label} asks for a Block volume from ${cls.label} (${served.label}): ${served.blockModeProblem}`,
        fix: 'use volumeMode Filesystem, or a class whose driver serves Block volumes',
      });
    }
    const unserved = claim.accessModes.filter(m => !served.accessModes.includes(m)
      && !(m === AccessMode.READ_ONLY_MANY && readOnlyFromSource(claim, served.driver)));
    if (unserved.length > 0) {
      const why = unserved.includes(AccessMode.READ_WRITE_MANY) && served.multiAttachProblem ? ` (${served.multiAttachProblem})` : '';
      hits.push({
        object: claim.owner,
        field: `${claim.specPath}.accessModes`,
        message: `${claim.label} asks for ${unserved.join(', ')} from ${cls.label} (${served.label}), which serves ${served.accessModes.join(', ')} `
          + `for ${claim.volumeMode} volumes${why}: the claim is never provisioned or never mounts`,
        fix: `ask for ${served.accessModes.join(' or ')}, or use a class whose driver serves ${unserved.join(', ')} (a file system such as EFS or NFS for ReadWriteMany)`,
      });
    }
    return hits;
  }),
};
