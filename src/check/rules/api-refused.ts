import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { FieldError, FieldErrorType, POD_SPEC_PATHS, fieldErrorText, validateObject } from '../../core/api-validation';
import { Inventory } from '../../manifests/inventory';
import { Manifest } from '../../manifests/manifest';

/**
 * The api-refused family: every object the API server would refuse, with
 * the field and the message Kubernetes gives, from the create validation the
 * constructs also run (src/core/api-validation). One rule per kind of
 * object, so a family can be suppressed on its own.
 */
const SOURCE = 'kubernetes pkg/apis/core/validation/validation.go, pkg/apis/apps/validation/validation.go, pkg/apis/storage/validation/validation.go, '
  + 'apimachinery pkg/api/validation/objectmeta.go '
  + '(Kubernetes 1.34, default feature gates; the create cases of their unit tests are this rule\'s fixtures, test/api-fixtures/k8s-create)';

/** Which rule reports an error: metadata errors go to api-refused-metadata, a workload's pod errors to api-refused-pod. */
function ruleOf(m: Manifest, e: FieldError): string {
  if (e.field.startsWith('metadata.')) return 'api-refused-metadata';
  const podPath = POD_SPEC_PATHS[m.kind!];
  if (podPath && (m.kind !== 'StatefulSet' || e.field.startsWith('spec.template.spec.'))) return 'api-refused-pod';
  return KIND_RULES[m.kind!] ?? 'api-refused-pod';
}

const KIND_RULES: { readonly [kind: string]: string } = {
  PersistentVolumeClaim: 'api-refused-claim',
  PersistentVolume: 'api-refused-volume',
  StorageClass: 'api-refused-class',
  VolumeAttributesClass: 'api-refused-class',
  CSIDriver: 'api-refused-class',
  StatefulSet: 'api-refused-statefulset',
  Service: 'api-refused-service',
};

/** Every object's refusals, by rule, computed once for the family. */
function refusals(inv: Inventory): Map<string, Hit[]> {
  return inv.remember('api refusals', () => {
    const byRule = new Map<string, Hit[]>();
    for (const m of inv.objects) {
      for (const e of validateObject(m)) {
        const rule = ruleOf(m, e);
        const hits = byRule.get(rule) ?? [];
        hits.push(hit(m, e));
        byRule.set(rule, hits);
      }
    }
    return byRule;
  });
}

function hit(m: Manifest, e: FieldError): Hit {
  return {
    object: m,
    field: e.field,
    message: `the API server refuses ${m.kind} ${m.metadata!.name}: ${fieldErrorText(e)}`,
    fix: FIXES[e.type],
  };
}

const FIXES: { readonly [type: string]: string } = {
  [FieldErrorType.REQUIRED]: 'set the field',
  [FieldErrorType.INVALID]: 'correct the value as the message says',
  [FieldErrorType.NOT_SUPPORTED]: 'use one of the supported values',
  [FieldErrorType.DUPLICATE]: 'remove or rename the repeated entry',
  [FieldErrorType.FORBIDDEN]: 'remove the field, or change what the message says it depends on',
  [FieldErrorType.TOO_LONG]: 'shorten it',
  [FieldErrorType.TOO_MANY]: 'remove entries',
  [FieldErrorType.NOT_FOUND]: 'name an entry that exists (a volume of the pod)',
};

function apiRule(id: string, summary: string): Rule<Inventory> {
  return { id, severity: Severity.REFUSED, summary, source: SOURCE, check: inv => refusals(inv).get(id) ?? [] };
}

export const API_REFUSED_RULES: readonly Rule<Inventory>[] = [
  apiRule('api-refused-metadata', 'An object whose name, namespace, labels, annotations, owner references or finalizers the API server refuses.'),
  apiRule('api-refused-claim', 'A PersistentVolumeClaim the API server refuses: access modes, size, selector, volume mode, class names, data sources.'),
  apiRule('api-refused-volume', 'A PersistentVolume the API server refuses: one source, capacity, access modes, node affinity, local and CSI sources, reclaim policy.'),
  apiRule('api-refused-class', 'A StorageClass, VolumeAttributesClass or CSIDriver the API server refuses: provisioner, parameters, policies, topologies.'),
  apiRule('api-refused-statefulset', 'A StatefulSet the API server refuses: selector and template labels, claim templates, policies, ordinals, int32 fields.'),
  apiRule('api-refused-service', 'A Service the API server refuses: ports, selector, cluster IPs and families, type-specific fields.'),
  apiRule('api-refused-pod', 'A workload whose pods the API server refuses: volume names and sources, item paths, hostPath, mounts, sub-paths, devices, containers.'),
];
