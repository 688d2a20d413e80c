import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory } from '../../manifests/inventory';

/** Provisioners that make each volume a directory of one node, with why they are for testing only, in their authors' words. */
const HOSTPATH_PROVISIONERS: { readonly [provisioner: string]: string } = {
  'kubernetes.io/host-path': 'kube-controller-manager\'s --enable-hostpath-provisioner: "HostPath provisioning is not supported in any way, '
    + 'won\'t work in a multi-node cluster, and should not be used for anything other than testing or development"',
  'hostpath.csi.k8s.io': 'the CSI hostpath driver\'s README: "This driver is just a demo implementation and is used for CI testing"',
};

export const HOSTPATH_PROVISIONER_CLASS: Rule<Inventory> = {
  id: 'hostpath-provisioner-class',
  severity: Severity.WARNING,
  summary: 'A StorageClass of a hostPath provisioner (kubernetes.io/host-path, hostpath.csi.k8s.io): made for testing, its volumes are one node\'s directories.',
  source: 'kubernetes cmd/kube-controller-manager/app/options/persistentvolumebindercontroller.go (--enable-hostpath-provisioner); '
    + 'kubernetes-csi/csi-driver-host-path README.md',
  check: (inv: Inventory) => [...inv.classes.values()].flatMap(cls => {
    const why = HOSTPATH_PROVISIONERS[cls.provisioner];
    return why === undefined ? [] : [{
      object: cls,
      field: 'provisioner',
      message: `class ${cls.metadata!.name} uses ${cls.provisioner}, which makes each volume a directory on one node and is for testing only (${why})`,
      fix: 'use a provisioner made for production: a cloud disk driver, or a local-volume provisioner whose PVs carry node affinity',
    }];
  }),
};
