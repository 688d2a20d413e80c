import { Size } from 'cdk8s';
import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { sizeInBytes } from '../../core/quantity';
import { meetsMinimum } from '../../core/volume-driver';
import { Inventory } from '../../manifests/inventory';
import { allClaims, classOf, requestedSize, servedBy } from '../claims-and-classes';

export const DRIVER_SIZE_LIMITS: Rule<Inventory> = {
  id: 'driver-size-limits',
  severity: Severity.ERROR,
  summary: 'A claim outside its block driver\'s sizes: AWS refuses EBS volumes outside each type\'s range, OCI enlarges claims under 50Gi and refuses over 32Ti.',
  source: 'oci-cloud-controller-manager pkg/csi-util/utils.go (MinimumVolumeSizeInBytes, MaximumVolumeSizeInBytes); Amazon EBS User Guide, "Amazon EBS volume types"',
  check: (inv: Inventory) => allClaims(inv).flatMap(claim => {
    const cls = classOf(inv, claim);
    const capabilities = cls && servedBy(inv, cls, claim.volumeMode);
    const requested = requestedSize(claim);
    if (!cls || !capabilities || !requested) return [];
    // parseQuantity counts thousandths of a byte.
    const bytes = (size: Size) => sizeInBytes(size, 'driver-size-limits', 'limit') * 1000n;
    const { minimumSize, maximumSize } = capabilities;
    const field = `${claim.specPath}.resources.requests.storage`;
    // parseQuantity counts thousandths: the driver's rounding works on bytes.
    if (minimumSize && !meetsMinimum(minimumSize, (requested.thousandths + 999n) / 1000n, 'driver-size-limits')) {
      return [{
        object: claim.owner,
        field,
        message: `${claim.label} asks for ${requested.text} from ${cls.label}: ${minimumSize.reason}`,
        fix: `ask for at least ${minimumSize.size.asString()}`,
      }];
    }
    if (maximumSize && requested.thousandths > bytes(maximumSize)) {
      return [{
        object: claim.owner,
        field,
        message: `${claim.label} asks for ${requested.text} from ${cls.label}, more than the largest volume the driver makes (${maximumSize.asString()}): provisioning fails`,
        fix: `ask for ${maximumSize.asString()} or less, or spread the data over several volumes`,
      }];
    }
    return [];
  }),
};
