import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { driverOf } from '../../drivers';
import { Inventory } from '../../manifests/inventory';
import { allowedZones } from '../claims-and-classes';

/**
 * A class whose parameters its driver (or its cloud) refuses, judged by the
 * same `classProblems` of the driver registry that the constructs throw on,
 * so a hand-written class gets the construct's reason.
 */
export const CLASS_PARAMETERS_REFUSED: Rule<Inventory> = {
  id: 'class-parameters-refused',
  severity: Severity.ERROR,
  summary: 'A StorageClass with parameters its driver or cloud refuses: its volumes fail to provision or to attach.',
  source: 'the drivers\' code as the backends encode it (the constructs refuse the same classes): '
    + 'azuredisk-csi-driver pkg/azureutils/azure_disk_utils.go ParseDiskParameters, pkg/azuredisk/controllerserver.go ControllerPublishVolume; '
    + 'aws-ebs-csi-driver pkg/driver/controller.go CreateVolume, pkg/cloud/cloud.go capIOPS, pkg/util/template; '
    + 'gcp-compute-persistent-disk-csi-driver pkg/gce-pd-csi-driver/controller.go pickZonesFromTopology; '
    + 'aws-efs-csi-driver pkg/driver/controller.go CreateVolume, filesystem_id_finder.go; Amazon EC2 CreateVolume and tag limits',
  check: (inv: Inventory) => [...inv.classes.values()].flatMap(cls => {
    const driver = driverOf(cls.provisioner);
    // A class that groups hand-written PVs (the EFS static-provisioning examples): its claims bind to them, and the driver is not asked.
    if (!driver?.classProblems || inv.volumesByClass.has(cls.metadata!.name!)) return [];
    return driver.classProblems(cls.parameters ?? {}, allowedZones(cls)).map(problem => ({
      object: cls,
      field: problem.parameter === 'allowedTopologies' ? 'allowedTopologies' : `parameters.${problem.parameter}`,
      message: `class ${cls.metadata!.name} (${driver.facts.label}) has ${problem.value === undefined ? `no ${problem.parameter}` : `${problem.parameter} ${problem.value}`}; `
        + `allowed: ${problem.allowed}`,
      fix: problem.fix,
    }));
  }),
};
