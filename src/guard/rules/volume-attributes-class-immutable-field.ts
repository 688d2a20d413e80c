import { fieldRule, GuardRule } from './change-rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

const newClass = (m: Manifest) => 'make a VolumeAttributesClass under another name with the new settings and move the claims to it '
  + `(spec.volumeAttributesClassName is mutable: the driver modifies the volume in place); then delete ${m.metadata?.name} once no claim names it`;

/**
 * A VolumeAttributesClass's driver and parameters are fixed once it exists
 * (kubernetes pkg/apis/storage/validation/validation.go ValidateVolumeAttributesClassUpdate):
 * performance changes go through a new class that claims switch to.
 */
export const VOLUME_ATTRIBUTES_CLASS_IMMUTABLE_FIELD: GuardRule = fieldRule({
  id: 'volume-attributes-class-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A VolumeAttributesClass\'s driverName or parameters change: the API server refuses the update; claims move to a new class instead.',
  source: 'kubernetes pkg/apis/storage/validation/validation.go ValidateVolumeAttributesClassUpdate',
}, 'VolumeAttributesClass', [
  { field: 'driverName', value: m => m.driverName, message: 'field is immutable', fix: newClass },
  { field: 'parameters', value: m => m.parameters ?? {}, message: 'field is immutable', fix: newClass },
]);
