import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PodVolume } from './pod-volume';
import type { ClaimRetention, StatefulStoreProps } from './statefulstore';
import { StoreContainer, StoreContainerOptions, StorePort, StoreVolumeMount } from './store-container';
import { StoreUpdateStrategy } from './update-strategy';
import { Schema, bool, enumOf, instanceOf, kubeStruct, listOf, mapOf, num, optional, str, struct } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { NAME, STRING_LIST, STRING_MAP } from '../core/schemas';

/** Runtime schemas of the StatefulStore props (see core/checks.ts); not part of the public API. */

const STORE_PORT: Schema<StorePort> = {
  number: num(),
  name: optional(str()),
  protocol: optional(enumOf(kplus.Protocol as any, 'Protocol')),
};

export const STORE_VOLUME_MOUNT: Schema<StoreVolumeMount> = {
  mountPath: str('an absolute path such as "/data"'),
  claim: optional(instanceOf(ClaimTemplate, 'ClaimTemplate', 'pass a template from a backend, for example storage.claimTemplate("data", { storage })')),
  volume: optional(instanceOf(PodVolume, 'PodVolume', 'pass a PodVolume from its factories, for example PodVolume.emptyDir("tmp")')),
  readOnly: optional(bool()),
  subPath: optional(str()),
};

const CONTAINER_OPTIONS: Schema<StoreContainerOptions> = {
  image: str('an image reference such as "postgres:16"'),
  command: optional(STRING_LIST),
  args: optional(STRING_LIST),
  // A plain string here used to vanish from the output: each value must be an EnvValue.
  env: optional(mapOf(instanceOf(kplus.EnvValue, 'EnvValue', 'wrap the value: EnvValue.fromValue("x"), or EnvValue.fromSecretValue(...)'))),
  port: optional(num()),
  ports: optional(listOf(struct(STORE_PORT, 'StorePort'))),
  volumes: optional(listOf(struct(STORE_VOLUME_MOUNT, 'StoreVolumeMount'))),
  resources: optional(kubeStruct('k8s.ResourceRequirements')),
  readinessProbe: optional(kubeStruct('k8s.Probe')),
  livenessProbe: optional(kubeStruct('k8s.Probe')),
  startupProbe: optional(kubeStruct('k8s.Probe')),
  securityContext: optional(kubeStruct('k8s.SecurityContext')),
  imagePullPolicy: optional(enumOf(kplus.ImagePullPolicy as any, 'ImagePullPolicy')),
  workingDir: optional(str()),
};

export const STORE_CONTAINER: Schema<StoreContainer> = { ...CONTAINER_OPTIONS, name: str('a container name such as "backup"') };

/** ClaimRetention is passed in: statefulstore.ts declares it and imports this file. */
export function statefulStoreProps(retention: typeof ClaimRetention): Schema<StatefulStoreProps> {
  return {
    ...CONTAINER_OPTIONS,
    name: NAME,
    serviceName: optional(str()),
    containerName: optional(str()),
    replicas: optional(num()),
    terminationGracePeriod: optional(instanceOf(Duration, 'Duration', 'pass a Duration such as Duration.seconds(30)')),
    podManagementPolicy: optional(enumOf(kplus.PodManagementPolicy, 'PodManagementPolicy')),
    updateStrategy: optional(instanceOf(StoreUpdateStrategy, 'StoreUpdateStrategy', 'use StoreUpdateStrategy.rollingUpdate() or StoreUpdateStrategy.onDelete()')),
    claimRetentionWhenDeleted: optional(enumOf(retention, 'ClaimRetention')),
    claimRetentionWhenScaled: optional(enumOf(retention, 'ClaimRetention')),
    publishNotReadyAddresses: optional(bool()),
    sidecars: optional(listOf(struct(STORE_CONTAINER, 'StoreContainer'))),
    // An empty selector is refused for StatefulSets by the API server (and would select every pod).
    selectorLabels: optional(mapOf(str(), true)),
    podLabels: optional(STRING_MAP),
    podAnnotations: optional(STRING_MAP),
    serviceAccountName: optional(str()),
    podSecurityContext: optional(kubeStruct('k8s.PodSecurityContext')),
    ordinalsStart: optional(num()),
    minReadySeconds: optional(num()),
  };
}
