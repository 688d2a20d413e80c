import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { PodVolume } from './pod-volume';
import { ClaimTemplate } from '../core/claim-template';

/**
 * A port a container listens on; the StatefulStore's headless Service publishes it.
 */
export interface StorePort {
  /** The port number, 1 to 65535. */
  readonly number: number;
  /**
   * The port name (an IANA service name: at most 15 characters, lower-case
   * letters, digits and "-", at least one letter). The Service port has the
   * same name and targets the container port by it.
   *
   * @default - `port-<number>` for TCP, `udp-<number>` or `sctp-<number>` otherwise
   */
  readonly name?: string;
  /**
   * The transport protocol.
   *
   * @default kplus.Protocol.TCP - TCP
   */
  readonly protocol?: kplus.Protocol;
}

/**
 * Something a container of a StatefulStore mounts: per-replica storage (`claim`)
 * or a pod volume shared by the pod's containers (`volume`). Give exactly one.
 */
export interface StoreVolumeMount {
  /**
   * An absolute path in the container. For a Block-mode claim it is the path of the raw device.
   */
  readonly mountPath: string;
  /**
   * Per-replica storage: each replica gets its own PVC `<template>-<statefulset>-<ordinal>`.
   *
   * @default - none; then `volume` is required
   */
  readonly claim?: ClaimTemplate;
  /**
   * A pod volume (emptyDir, ConfigMap, Secret, ...).
   *
   * @default - none; then `claim` is required
   */
  readonly volume?: PodVolume;
  /**
   * Mount read-only (not for Block devices).
   *
   * @default false - read-write
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this path inside the volume (not for Block devices).
   *
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/**
 * What a container of a StatefulStore runs and mounts. Typed Kubernetes
 * structs (`k8s.*`) are passed through unchanged: nothing is added behind
 * your back (no default resources or security context).
 */
export interface StoreContainerOptions {
  /** The container image. */
  readonly image: string;
  /**
   * Entrypoint.
   *
   * @default - the image's ENTRYPOINT
   */
  readonly command?: string[];
  /**
   * Arguments to the entrypoint.
   *
   * @default - the image's CMD
   */
  readonly args?: string[];
  /**
   * Environment variables, in the given order.
   *
   * @default - none
   */
  readonly env?: { [name: string]: kplus.EnvValue };
  /**
   * A single port, shorthand for `ports: [{ number: port }]`.
   *
   * @default - none
   */
  readonly port?: number;
  /**
   * Ports the container listens on.
   *
   * @default - none
   */
  readonly ports?: StorePort[];
  /**
   * Per-replica claims and pod volumes mounted in this container.
   *
   * @default - none
   */
  readonly volumes?: StoreVolumeMount[];
  /**
   * Resource requests and limits.
   *
   * @default - none
   */
  readonly resources?: k8s.ResourceRequirements;
  /**
   * When the container is ready to serve (and, unless `publishNotReadyAddresses`, gets DNS records).
   *
   * @default - none: ready as soon as it runs
   */
  readonly readinessProbe?: k8s.Probe;
  /**
   * When the container must be restarted.
   *
   * @default - none: restarted only when it exits
   */
  readonly livenessProbe?: k8s.Probe;
  /**
   * Holds the other probes back until the container has started (slow database recovery).
   *
   * @default - none
   */
  readonly startupProbe?: k8s.Probe;
  /**
   * The container's security context.
   *
   * @default - none
   */
  readonly securityContext?: k8s.SecurityContext;
  /**
   * When the image is pulled.
   *
   * @default - Kubernetes' default (Always for `:latest`, IfNotPresent otherwise)
   */
  readonly imagePullPolicy?: kplus.ImagePullPolicy;
  /**
   * The working directory of the entrypoint.
   *
   * @default - the image's working directory
   */
  readonly workingDir?: string;
}

/**
 * A further container in each replica's pod (a sidecar, an exporter, ...).
 */
export interface StoreContainer extends StoreContainerOptions {
  /** The container name (a DNS-1123 label), unique in the pod. */
  readonly name: string;
}
