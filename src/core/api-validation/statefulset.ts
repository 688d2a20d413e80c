import { validatePersistentVolumeClaimSpec } from './claim';
import { FieldError, FieldPath } from './field-error';
import { isDns1123Label, nameIsDnsLabel } from './names';
import { Json, isMap, validateAnnotations, validateLabels, validateObjectMeta } from './object-meta';
import { listOf, validateLabelSelector } from './selectors';

const INT32_MAX = 2 ** 31 - 1;
const NEGATIVE_MSG = 'must be greater than or equal to 0';
const RETENTION = ['Retain', 'Delete'];

/**
 * ValidateStatefulSet (pkg/apis/apps/validation, with the 1.34 additions:
 * serviceName as a DNS label #130233, claim templates as claim specs #132212,
 * the pod template validated #131790), after apps/v1 defaults (OrderedReady,
 * RollingUpdate with partition 0, Retain/Retain, restartPolicy Always) and the
 * strategy's drop of maxUnavailable (its gate is off). The pod template's
 * volumes and mounts are validatePodVolumes's; containers beyond their
 * volumes are not judged here.
 */
export function validateStatefulSet(sts: Json): FieldError[] {
  const spec = isMap(sts?.spec) ? sts.spec : {};
  const path = FieldPath.at('spec');
  return [
    ...validateObjectMeta(sts?.metadata, nameIsDnsLabel),
    ...validatePolicies(spec, path),
    ...listOf(spec.volumeClaimTemplates).flatMap((t, i) => validatePersistentVolumeClaimSpec(t?.spec, path.child('volumeClaimTemplates').index(i).child('spec'))),
    ...validateInt32(spec.replicas, path.child('replicas')),
    ...validateInt32(spec.minReadySeconds, path.child('minReadySeconds')),
    ...(isMap(spec.ordinals) ? validateInt32(spec.ordinals.start, path.child('ordinals.start')) : []),
    ...(typeof spec.serviceName === 'string' && spec.serviceName !== ''
      ? isDns1123Label(spec.serviceName).map(msg => path.child('serviceName').invalid(spec.serviceName, msg)) : []),
    ...validateSelectorAndTemplate(spec, path),
  ];
}

function validatePolicies(spec: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const management = spec.podManagementPolicy || 'OrderedReady';
  if (management !== 'OrderedReady' && management !== 'Parallel') {
    errs.push(path.child('podManagementPolicy').invalid(management, 'must be \'OrderedReady\' or \'Parallel\''));
  }
  const strategy = isMap(spec.updateStrategy) ? spec.updateStrategy : {};
  const type = strategy.type || 'RollingUpdate';
  if (type === 'OnDelete') {
    if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      errs.push(path.child('updateStrategy', 'rollingUpdate').invalid(strategy.rollingUpdate, 'only allowed for updateStrategy \'RollingUpdate\''));
    }
  } else if (type === 'RollingUpdate') {
    if (isMap(strategy.rollingUpdate)) errs.push(...validateInt32(strategy.rollingUpdate.partition, path.child('updateStrategy', 'rollingUpdate', 'partition')));
  } else {
    errs.push(path.child('updateStrategy').invalid(type, 'must be \'RollingUpdate\' or \'OnDelete\''));
  }
  const retention = isMap(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : {};
  for (const when of ['whenDeleted', 'whenScaled']) {
    const value = retention[when];
    if (value !== undefined && value !== null && value !== '' && !RETENTION.includes(value)) {
      errs.push(path.child('persistentVolumeClaimRetentionPolicy', when).notSupported(value, RETENTION));
    }
  }
  return errs;
}

/**
 * An int32 field of apps/v1 that must not be negative: beyond int32 the body
 * does not even decode (HTTP 400), below 0 ValidateNonnegativeField refuses it.
 */
function validateInt32(value: Json, path: FieldPath): FieldError[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'number' || !Number.isInteger(value) || value > INT32_MAX || value < -INT32_MAX - 1) {
    return [path.invalid(value, `cannot unmarshal ${JSON.stringify(value)} into an int32 field (the request is refused before validation)`)];
  }
  return value < 0 ? [path.invalid(value, NEGATIVE_MSG)] : [];
}

/** The selector (required, not empty, valid) and the template: its labels match the selector; restartPolicy Always; no activeDeadlineSeconds. */
function validateSelectorAndTemplate(spec: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const selector = spec.selector;
  if (!isMap(selector)) {
    errs.push(path.child('selector').required());
  } else {
    errs.push(...validateLabelSelector(selector, path.child('selector')));
    if (!isMap(selector.matchLabels) || Object.keys(selector.matchLabels).length === 0) {
      if (listOf(selector.matchExpressions).length === 0) errs.push(path.child('selector').invalid(selector, 'empty selector is invalid for statefulset'));
    }
  }
  const template = isMap(spec.template) ? spec.template : {};
  const labels = isMap(template.metadata?.labels) ? template.metadata.labels : {};
  if (isMap(selector) && !selectorMatches(selector, labels)) {
    errs.push(path.child('template', 'metadata', 'labels').invalid(labels, '`selector` does not match template `labels`'));
  }
  // ValidatePodTemplateSpecForStatefulSet reports these at spec.template.labels and .annotations.
  errs.push(...validateLabels(template.metadata?.labels, path.child('template', 'labels')));
  errs.push(...validateAnnotations(template.metadata?.annotations, path.child('template', 'annotations')));
  const podSpec = isMap(template.spec) ? template.spec : {};
  const restart = podSpec.restartPolicy || 'Always';
  if (restart !== 'Always') errs.push(path.child('template', 'spec', 'restartPolicy').notSupported(restart, ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(path.child('template', 'spec', 'activeDeadlineSeconds').forbidden('activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** Whether a label selector selects `labels` (matchLabels and the four operators). */
export function selectorMatches(selector: { [key: string]: Json }, labels: { [key: string]: Json }): boolean {
  const pairs = isMap(selector.matchLabels) ? Object.entries(selector.matchLabels) : [];
  if (!pairs.every(([k, v]) => labels[k] === v)) return false;
  return listOf(selector.matchExpressions).every(e => {
    const has = typeof e?.key === 'string' && e.key in labels;
    const values = listOf(e?.values);
    switch (e?.operator) {
      case 'In': return has && values.includes(labels[e.key]);
      case 'NotIn': return !has || !values.includes(labels[e.key]);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      default: return false;
    }
  });
}
