import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { isValidName, NameRule } from '../../core/names';
import { countAt, objectsAt } from '../../manifests/fields';
import { Inventory } from '../../manifests/inventory';

export const CLAIM_TEMPLATE_NAME: Rule<Inventory> = {
  id: 'claim-template-name',
  severity: Severity.ERROR,
  summary: 'A claim template whose name is not a volume name, or whose claims <template>-<statefulset>-<ordinal> are not valid object names: no replica gets its volume.',
  source: 'kubernetes pkg/controller/statefulset stateful_set_utils.go getPersistentVolumeClaimName; apimachinery util/validation (DNS-1123 label and subdomain)',
  check: (inv: Inventory) => inv.ofKind('StatefulSet').flatMap(sts => {
    const replicas = countAt(sts, sts.spec?.replicas, 'spec.replicas', 1);
    return objectsAt(sts, sts.spec?.volumeClaimTemplates, 'spec.volumeClaimTemplates').flatMap((t): Hit[] => {
      const name: string = t.metadata.name;
      const field = `spec.volumeClaimTemplates[${name}].metadata.name`;
      if (!isValidName(name, NameRule.DNS_LABEL)) {
        return [{
          object: sts,
          field,
          message: `template ${name} of StatefulSet ${sts.metadata!.name} is not a DNS-1123 label (at most 63 lower-case letters, digits and "-"): `
            + 'it names a volume of every pod, so the pods are refused',
          fix: 'rename the template (and the volumeMounts that use it)',
        }];
      }
      const lastClaim = `${name}-${sts.metadata!.name}-${Math.max(replicas - 1, 0)}`;
      if (isValidName(lastClaim, NameRule.DNS_SUBDOMAIN)) return [];
      return [{
        object: sts,
        field,
        message: `template ${name} of StatefulSet ${sts.metadata!.name} makes claims such as ${lastClaim}, which is not a valid object name `
          + '(a DNS-1123 subdomain of at most 253 characters): the replicas never get their volumes',
        fix: 'shorten the template or StatefulSet name',
      }];
    });
  }),
};
