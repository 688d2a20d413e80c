import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { isValidName, NameRule } from '../../core/names';
import { Inventory } from '../../manifests/inventory';

export const STATEFULSET_NAME_LENGTH: Rule<Inventory> = {
  id: 'statefulset-name-length',
  severity: Severity.ERROR,
  summary: 'A StatefulSet name over 52 characters: the API accepts it, but the controller-revision-hash label exceeds 63 characters and no pod is ever created.',
  source: 'https://github.com/kubernetes/kubernetes/issues/64023',
  check: (inv: Inventory) => inv.ofKind('StatefulSet')
    .filter(sts => !isValidName(sts.metadata!.name!, NameRule.STATEFULSET))
    .map(sts => ({
      object: sts,
      field: 'metadata.name',
      message: `StatefulSet ${sts.metadata!.name} has a ${sts.metadata!.name!.length}-character name; a StatefulSet name must be a DNS-1123 label of at most 52 `
        + 'characters, or the controller-revision-hash label of its pods exceeds 63 characters and no pod is created',
      fix: 'rename it to at most 52 lower-case letters, digits and "-" (the name is immutable: the claims of the old name stay behind)',
    })),
};
