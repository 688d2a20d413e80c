import { LocalAccessMode } from './local-access-mode';
import { LocalDisk } from './local-disk';
import { LOCAL_RECLAIM_POLICY } from './local-driver';
import { renderAccessModes } from '../core/access-mode';
import { checkLabelsProp } from '../core/api-props';
import { assignDefined } from '../core/defined';
import { invalid } from '../core/errors';
import { FsType } from '../core/fs-type';
import { KubeJson } from '../core/kube-json';
import { NameRule, validateName } from '../core/names';
import { VolumeMode } from '../core/policies';
import { measureSize } from '../core/quantity';

/** What the whole volume set decides for each of its PVs. */
export interface VolumeSetSettings {
  readonly storageClassName: string;
  readonly accessMode: LocalAccessMode;
  readonly volumeMode: VolumeMode;
  readonly fsType?: FsType;
}

/** A validated disk, ready to render. */
export interface CheckedDisk {
  readonly name: string;
  readonly node: string;
  readonly path: string;
  readonly capacity: string;
  readonly bytes: bigint;
  readonly accessMode: LocalAccessMode;
  readonly labels: { [key: string]: string };
}

/** Shared by every disk without labels (a volume set can hold tens of thousands of disks). */
const NO_LABELS: { [key: string]: string } = Object.freeze({});

// A label value: at most 63 characters, alphanumeric at both ends (apimachinery IsValidLabelValue).
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function checkDisk(disk: LocalDisk, settings: VolumeSetSettings, where: string): CheckedDisk {
  if (!disk.node || disk.node.length > 63 || !LABEL_VALUE.test(disk.node)) {
    throw invalid({
      where,
      prop: 'disks[].node',
      value: disk.node,
      allowed: 'the value of the node\'s kubernetes.io/hostname label: non-empty, at most 63 characters',
      fix: 'use the name shown by `kubectl get nodes -L kubernetes.io/hostname`',
    });
  }
  const path = checkPath(disk.path, where);
  const { quantity: capacity, bytes } = measureSize(disk.capacity, where, 'disks[].capacity');
  const accessMode = disk.accessMode ?? settings.accessMode;
  renderAccessModes([accessMode], where, 'disks[].accessMode');
  const name = validateName(disk.name ?? defaultPvName(settings.storageClassName, disk.node, path),
    NameRule.DNS_SUBDOMAIN, where, 'disks[].name', 'pass a shorter `name` for this disk');
  checkLabelsProp(disk.labels, where, 'disks[].labels');
  return { name, node: disk.node, path, capacity, bytes, accessMode, labels: disk.labels ?? NO_LABELS };
}

/** The PersistentVolume of one disk: bound to exactly its node, kept when released. */
export function renderDiskPv(disk: CheckedDisk, settings: VolumeSetSettings): KubeJson {
  return {
    metadata: assignDefined<KubeJson>({ name: disk.name }, { labels: Object.keys(disk.labels).length > 0 ? disk.labels : undefined }),
    spec: {
      capacity: { storage: disk.capacity },
      volumeMode: settings.volumeMode,
      accessModes: [disk.accessMode],
      // A static local PV has no deleter: Delete would leave it Failed, and Recycle does not exist.
      persistentVolumeReclaimPolicy: LOCAL_RECLAIM_POLICY,
      storageClassName: settings.storageClassName,
      local: assignDefined<KubeJson>({ path: disk.path }, { fsType: settings.fsType }),
      // The API rejects a local PV without node affinity; one PV names exactly one node.
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [disk.node] }] }],
        },
      },
    },
  };
}

function checkPath(path: string, where: string): string {
  const segments = (path ?? '').split('/');
  if (!path?.startsWith('/') || segments.includes('..') || path.replace(/\/+$/, '') === '') {
    throw invalid({
      where,
      prop: 'disks[].path',
      value: path,
      allowed: 'an absolute path other than "/", without ".." (the API rejects ".." in local.path)',
      fix: 'give the mount point of the disk, for example "/mnt/ssd"',
    });
  }
  return path.replace(/\/+$/, '');
}

function defaultPvName(storageClassName: string, node: string, path: string): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `${storageClassName}-${slug(node)}-${slug(path)}`;
}
