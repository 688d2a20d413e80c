import { changeHit, GuardRule, nsFlag, objectRule } from './change-rule';
import { Severity } from '../../analysis/severity';
import { Manifest, stableJson, withoutDefaults } from '../../manifests/manifest';

/**
 * Any change of volumeClaimTemplates is refused (ValidateStatefulSetUpdate
 * allows only replicas, ordinals, template, updateStrategy,
 * persistentVolumeClaimRetentionPolicy and minReadySeconds to change): one
 * finding per template added, removed or changed.
 */
export const STATEFULSET_CLAIM_TEMPLATE: GuardRule = objectRule({
  id: 'statefulset-claim-template',
  severity: Severity.REFUSED,
  summary: 'A StatefulSet\'s volumeClaimTemplates gain, lose or change a template (a bigger disk, another class): the API server refuses the update.',
  source: 'kubernetes pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate',
}, 'StatefulSet', (old, next) => {
  const [a, b] = [templatesByName(old), templatesByName(next)];
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter(n => stableJson(a[n]) !== stableJson(b[n])).map(n => changeHit(
    next, `spec.volumeClaimTemplates[${n}]`, a[n], b[n],
    `volumeClaimTemplates cannot change once the StatefulSet exists (template ${n} ${a[n] === undefined ? 'added' : b[n] === undefined ? 'removed' : 'changed'})`,
    `kubectl delete statefulset ${old.metadata?.name}${nsFlag(old)} --cascade=orphan, then re-sync; claims made from the old template keep their old spec (resize or migrate them yourself)`,
  ));
});

/** StatefulSet templates compared by name; apiVersion, kind and volumeMode at their defaults count as unset. */
function templatesByName(m: Manifest): { [name: string]: unknown } {
  const templates: any[] = m.spec?.volumeClaimTemplates ?? [];
  return Object.fromEntries(templates.map(t => {
    const { apiVersion, kind, status, ...rest } = withoutDefaults(t, { apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
    return [t.metadata?.name, { ...rest, spec: withoutDefaults(t.spec, { volumeMode: 'Filesystem' }) }];
  }));
}
