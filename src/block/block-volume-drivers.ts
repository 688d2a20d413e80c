import { BlockAccessMode } from './block-access-mode';
import { AZURE_DISK_DRIVER } from './rules/azure-disk';
import { EBS_DRIVER } from './rules/ebs';
import { GCE_PD_DRIVER } from './rules/gce-pd';
import { OCI_DEFAULT_CLASS, OCI_DRIVER } from './rules/oci';
import { BlockDriver } from './rules/provider-rules';
import { AccessMode } from '../core/access-mode';
import { enumValues } from '../core/checks';
import { PlatformClass, Served, VolumeDriver } from '../core/volume-driver';

const BLOCK_MODES: string[] = enumValues(BlockAccessMode);
const BLOCK_MODES_MULTI_ATTACH: string[] = [...BLOCK_MODES, AccessMode.READ_WRITE_MANY];

/**
 * A block driver for the registry: what a class serves is read from its
 * parameters by the same `capabilities` function the constructs use.
 */
function blockVolumeDriver(driver: BlockDriver, inTreeProvisioners: string[], platformClasses: { [name: string]: PlatformClass }): VolumeDriver {
  return {
    facts: {
      label: driver.label,
      provisioner: driver.provisioner,
      accessModes: BLOCK_MODES,
      inTreeProvisioners,
      snapshots: driver.snapshots,
      cloning: driver.cloning,
      modifiesVolumes: driver.modifiesVolumes,
    },
    platformClasses,
    ...(driver.classProblems ? { classProblems: (parameters, zones) => driver.classProblems!({ ...parameters }, zones) } : {}),
    // Block volumes live in a zone: EBS and OCI volumes in one, GCE regional disks in two; Azure ZRS disks in all.
    zoneBound: parameters => !driver.zoneRedundant?.({ ...parameters }),
    serves: (parameters, volumeMode): Served => {
      const capabilities = driver.capabilities({ ...parameters });
      const multiAttach = volumeMode === 'Block' && capabilities.multiAttachProblem === undefined;
      return {
        accessModes: multiAttach ? BLOCK_MODES_MULTI_ATTACH : BLOCK_MODES,
        blockModeProblem: capabilities.blockModeProblem,
        multiAttachProblem: volumeMode === 'Block' ? capabilities.multiAttachProblem : 'a filesystem on a block volume is mounted by one node at a time',
        minimumSize: capabilities.minimumSize,
        maximumSize: capabilities.maximumSize,
      };
    },
  };
}

/**
 * The four block drivers, with the in-tree provisioners CSI migration hands
 * to them (GA for all three; k8s.io/csi-translation-lib plugins) and the
 * classes each platform installs in every cluster. `standard` is left out:
 * GKE, kind and minikube each mean a different driver by it.
 */
export const BLOCK_VOLUME_DRIVERS: readonly VolumeDriver[] = [
  // EKS docs, "Storage classes": clusters created before 1.30 have gp2 (in-tree, migrated to the EBS CSI driver).
  blockVolumeDriver(EBS_DRIVER, ['kubernetes.io/aws-ebs'], { gp2: { platform: 'EKS', parameters: { type: 'gp2', fsType: 'ext4' } } }),
  // OKE docs, "Provisioning PVCs on the Block Volume Service".
  blockVolumeDriver(OCI_DRIVER, [], { [OCI_DEFAULT_CLASS]: { platform: 'OKE', parameters: {} } }),
  // GKE docs, "Using the Compute Engine persistent disk CSI driver": standard-rwo (pd-balanced) and premium-rwo (pd-ssd).
  blockVolumeDriver(GCE_PD_DRIVER, ['kubernetes.io/gce-pd'], {
    'standard-rwo': { platform: 'GKE', parameters: { type: 'pd-balanced' } },
    'premium-rwo': { platform: 'GKE', parameters: { type: 'pd-ssd' } },
  }),
  // AKS docs, "Storage options for applications", Storage classes.
  blockVolumeDriver(AZURE_DISK_DRIVER, ['kubernetes.io/azure-disk'], {
    'default': { platform: 'AKS', parameters: { skuname: 'StandardSSD_LRS' } },
    'managed-csi': { platform: 'AKS', parameters: { skuname: 'StandardSSD_LRS' } },
    'managed-csi-premium': { platform: 'AKS', parameters: { skuname: 'Premium_LRS' } },
  }),
];
