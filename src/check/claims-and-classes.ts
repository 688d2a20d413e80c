import { BlockAccessMode } from '../block/block-access-mode';
import { AZURE_DISK_DRIVER } from '../block/rules/azure-disk';
import { EBS_DRIVER } from '../block/rules/ebs';
import { GCE_PD_DRIVER } from '../block/rules/gce-pd';
import { OCI_DEFAULT_CLASS, OCI_DRIVER } from '../block/rules/oci';
import { BlockDriver, DriverCapabilities } from '../block/rules/provider-rules';
import { AccessMode } from '../core/access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';
import { EFS_DRIVER } from '../efs/efs-driver';
import { LOCAL_DRIVER } from '../local/local-driver';
import { objectsAt, quantityAt, stringsAt } from '../manifests/fields';
import { Inventory } from '../manifests/inventory';
import { Manifest, namespaceOf } from '../manifests/manifest';
import { NFS_CSI_DRIVER } from '../nfs/nfs-csi-driver';
import { SPDK_DRIVER_FACTS } from '../spdk/driver-name';

/** A claim, or a StatefulSet's claim template, with where it sits. */
export interface ClaimView {
  /** The object a finding is reported on: the claim, or the StatefulSet. */
  readonly owner: Manifest;
  /** The path of the claim's spec in `owner`. */
  readonly specPath: string;
  /** For messages: `claim data` or `template data of StatefulSet db`. */
  readonly label: string;
  readonly spec: { [key: string]: any };
  readonly namespace: string;
  readonly accessModes: string[];
  readonly volumeMode: string;
}

/** The claims of each inventory, read once for the several rules that judge them. */
const CLAIMS = new WeakMap<Inventory, ClaimView[]>();

/** Every claim and claim template in the manifests. */
export function allClaims(inv: Inventory): ClaimView[] {
  return CLAIMS.get(inv) ?? CLAIMS.set(inv, readClaims(inv)).get(inv)!;
}

function readClaims(inv: Inventory): ClaimView[] {
  const claims: ClaimView[] = [...inv.claims.values()].map(m => view(m, m, 'spec', `claim ${m.metadata!.name}`));
  for (const sts of inv.ofKind('StatefulSet')) {
    objectsAt(sts, sts.spec?.volumeClaimTemplates, 'spec.volumeClaimTemplates').forEach(t => {
      claims.push(view(sts, t, `spec.volumeClaimTemplates[${t.metadata.name}].spec`, `template ${t.metadata.name} of StatefulSet ${sts.metadata!.name}`));
    });
  }
  return claims;
}

function view(owner: Manifest, claim: { [key: string]: any }, specPath: string, label: string): ClaimView {
  const spec = claim.spec ?? {};
  return {
    owner,
    specPath,
    label,
    spec,
    namespace: namespaceOf(owner),
    accessModes: stringsAt(owner, spec.accessModes, `${specPath}.accessModes`),
    volumeMode: spec.volumeMode ?? 'Filesystem',
  };
}

/** A StorageClass as the rules need it: from the manifests, or a platform's pre-installed class. */
export interface ClassView {
  readonly name: string;
  readonly provisioner: string;
  readonly parameters: { [key: string]: string };
  /** For messages: `class "gp2"` or `class "gp2" (EKS's pre-installed class)`. */
  readonly label: string;
}

/**
 * Classes that platforms install in every cluster, so a claim naming one is
 * judged even when the class is not in the manifests. `standard` is left out:
 * GKE, kind and minikube each mean a different driver by it.
 */
const PLATFORM_CLASSES: { [name: string]: { platform: string; provisioner: string; parameters: { [key: string]: string } } } = {
  // EKS docs, "Storage classes": clusters created before 1.30 have gp2 (in-tree, migrated to the EBS CSI driver).
  'gp2': { platform: 'EKS', provisioner: 'kubernetes.io/aws-ebs', parameters: { type: 'gp2', fsType: 'ext4' } },
  // GKE docs, "Using the Compute Engine persistent disk CSI driver": standard-rwo (pd-balanced) and premium-rwo (pd-ssd).
  'standard-rwo': { platform: 'GKE', provisioner: GCE_PD_DRIVER.provisioner, parameters: { type: 'pd-balanced' } },
  'premium-rwo': { platform: 'GKE', provisioner: GCE_PD_DRIVER.provisioner, parameters: { type: 'pd-ssd' } },
  // AKS docs, "Storage options for applications", Storage classes.
  'default': { platform: 'AKS', provisioner: AZURE_DISK_DRIVER.provisioner, parameters: { skuname: 'StandardSSD_LRS' } },
  'managed-csi': { platform: 'AKS', provisioner: AZURE_DISK_DRIVER.provisioner, parameters: { skuname: 'StandardSSD_LRS' } },
  'managed-csi-premium': { platform: 'AKS', provisioner: AZURE_DISK_DRIVER.provisioner, parameters: { skuname: 'Premium_LRS' } },
  // OKE docs, "Provisioning PVCs on the Block Volume Service".
  [OCI_DEFAULT_CLASS]: { platform: 'OKE', provisioner: OCI_DRIVER.provisioner, parameters: {} },
};

/** The class a claim gets: the one it names, the manifests' default class, or a platform's class; undefined when unknown or static (""). */
export function classOf(inv: Inventory, claim: ClaimView): ClassView | undefined {
  const name: string | undefined = claim.spec.storageClassName;
  if (name === '') return undefined;
  const object = name === undefined ? inv.defaultClass : inv.classes.get(name);
  if (object) {
    return { name: object.metadata!.name!, provisioner: object.provisioner, parameters: object.parameters ?? {}, label: `class "${object.metadata!.name}"` };
  }
  const platform = name === undefined ? undefined : PLATFORM_CLASSES[name];
  return platform && { name: name!, provisioner: platform.provisioner, parameters: platform.parameters, label: `class "${name}" (${platform.platform}'s pre-installed class)` };
}

/**
 * The in-tree provisioners that Kubernetes hands to the CSI drivers (CSI
 * migration, GA for all three; k8s.io/csi-translation-lib plugins).
 */
const MIGRATED: { [inTree: string]: BlockDriver } = {
  'kubernetes.io/aws-ebs': EBS_DRIVER,
  'kubernetes.io/gce-pd': GCE_PD_DRIVER,
  'kubernetes.io/azure-disk': AZURE_DISK_DRIVER,
};
const BLOCK_DRIVERS = [EBS_DRIVER, OCI_DRIVER, GCE_PD_DRIVER, AZURE_DISK_DRIVER];
const FILE_DRIVERS: DriverFacts[] = [EFS_DRIVER, NFS_CSI_DRIVER, SPDK_DRIVER_FACTS];

const BLOCK_MODES: readonly string[] = enumValues(BlockAccessMode);
const BLOCK_MODES_MULTI_ATTACH: readonly string[] = [...BLOCK_MODES, AccessMode.READ_WRITE_MANY];

/** What a class serves, from the same facts the constructs use. */
export interface Served {
  readonly label: string;
  /** The access modes served for the claim's volume mode. */
  readonly accessModes: readonly string[];
  readonly blockModeProblem?: string;
  /** Why ReadWriteMany is missing for a Block claim, when it is. */
  readonly multiAttachProblem?: string;
  /** Sizes, for block drivers. */
  readonly capabilities?: DriverCapabilities;
  readonly driver: string;
}

/** What `cls` serves to a claim of `volumeMode`; undefined when the driver is not one this library knows. */
export function servedBy(inv: Inventory, cls: ClassView, volumeMode: string): Served | undefined {
  const block = BLOCK_DRIVERS.find(d => d.provisioner === cls.provisioner) ?? MIGRATED[cls.provisioner];
  if (block) {
    const capabilities = block.capabilities(cls.parameters);
    const multiAttach = volumeMode === 'Block' && capabilities.multiAttachProblem === undefined;
    return {
      label: block.label,
      driver: block.provisioner,
      accessModes: multiAttach ? BLOCK_MODES_MULTI_ATTACH : BLOCK_MODES,
      blockModeProblem: capabilities.blockModeProblem,
      multiAttachProblem: volumeMode === 'Block' ? capabilities.multiAttachProblem : 'a filesystem on a block volume is mounted by one node at a time',
      capabilities,
    };
  }
  const file = FILE_DRIVERS.find(d => d.provisioner === cls.provisioner);
  if (file) return { label: file.label, driver: file.provisioner, accessModes: file.accessModes, blockModeProblem: file.blockModeProblem };
  if (cls.provisioner === LOCAL_DRIVER.provisioner && isLocalClass(inv, cls.name)) {
    return { label: LOCAL_DRIVER.label, driver: LOCAL_DRIVER.provisioner, accessModes: LOCAL_DRIVER.accessModes };
  }
  return undefined;
}

/** A class whose PVs in the manifests are all local volumes (at least one). */
export function isLocalClass(inv: Inventory, className: string): boolean {
  const volumes = inv.volumesByClass.get(className) ?? [];
  return volumes.length > 0 && volumes.every(pv => pv.spec?.local !== undefined);
}

/** The size a claim asks for, or undefined when it asks for none (a template may leave it out; the API server then refuses the pod's claim). */
export function requestedSize(claim: ClaimView): { readonly text: string; readonly thousandths: bigint } | undefined {
  const value = claim.spec.resources?.requests?.storage;
  if (value === undefined) return undefined;
  return { text: String(value), thousandths: quantityAt(claim.owner, value, `${claim.specPath}.resources.requests.storage`) };
}
