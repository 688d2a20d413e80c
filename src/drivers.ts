import { BLOCK_VOLUME_DRIVERS } from './block/block-volume-drivers';
import { AccessMode } from './core/access-mode';
import { checkArg, enumOf, isPlainObject } from './core/checks';
import { DriverFacts } from './core/driver-facts';
import { invalid } from './core/errors';
import { PlatformClass, VolumeDriver, fixedDriver, provisionersOf } from './core/volume-driver';
import { EFS_VOLUME_DRIVER } from './efs/efs-driver';
import { LOCAL_VOLUME_DRIVER } from './local/local-driver';
import { NFS_CSI_VOLUME_DRIVER } from './nfs/nfs-csi-driver';
import { SPDK_VOLUME_DRIVER } from './spdk/driver-name';

/**
 * The drivers this library models, one entry per backend folder: a new
 * backend adds its line here, and `check` knows its driver with no edit in
 * src/check.
 */
const BUILT_IN: readonly VolumeDriver[] = [
  ...BLOCK_VOLUME_DRIVERS,
  EFS_VOLUME_DRIVER,
  NFS_CSI_VOLUME_DRIVER,
  SPDK_VOLUME_DRIVER,
  LOCAL_VOLUME_DRIVER,
];

/** Drivers registered at run time (backends outside this library). */
const REGISTERED: VolumeDriver[] = [];

/**
 * Every volume driver `StorageCheck` knows: this library's backends, and
 * those a backend of your own registers (docs/adding-a-backend.md). A claim
 * on a class of a registered driver is judged by the driver's facts: the
 * access modes it serves, and whether it serves Block volumes.
 */
export class DriverRegistry {
  /**
   * Registers the facts of a driver modelled outside this library, so that
   * `check` judges claims on its classes. A provisioner name already
   * registered is an error: one driver, one statement of its facts.
   *
   * @param facts what the driver serves
   */
  public static register(facts: DriverFacts): void {
    const where = 'DriverRegistry.register';
    const checked = checkFacts(facts, where);
    for (const name of provisionersOf(fixedDriver(checked))) {
      if (driverOf(name)) {
        throw invalid({ where, prop: 'facts.provisioner', value: name, allowed: 'a provisioner no other driver registered', fix: 'register each driver once' });
      }
    }
    REGISTERED.push(fixedDriver(checked));
  }

  /** The facts of every known driver: this library's, then the registered ones. */
  public static drivers(): DriverFacts[] {
    return allDrivers().map(d => d.facts);
  }

  private constructor() {}
}

/** Every driver, built-in first. */
export function allDrivers(): readonly VolumeDriver[] {
  return REGISTERED.length === 0 ? BUILT_IN : [...BUILT_IN, ...REGISTERED];
}

/** The driver a provisioner name (CSI or migrated in-tree) belongs to. */
export function driverOf(provisioner: string): VolumeDriver | undefined {
  return allDrivers().find(d => provisionersOf(d).includes(provisioner));
}

/** A class platforms install, with the driver that serves it. */
export function platformClass(name: string): { readonly driver: VolumeDriver; readonly platformClass: PlatformClass } | undefined {
  for (const driver of allDrivers()) {
    const found = driver.platformClasses?.[name];
    if (found) return { driver, platformClass: found };
  }
  return undefined;
}

function checkFacts(facts: unknown, where: string): DriverFacts {
  if (!isPlainObject(facts)) throw invalid({ where, prop: 'facts', value: facts, allowed: 'a DriverFacts object', fix: 'pass { label, provisioner, accessModes }' });
  const f = facts as unknown as DriverFacts;
  for (const prop of ['label', 'provisioner'] as const) {
    if (typeof f[prop] !== 'string' || f[prop] === '') throw invalid({ where, prop: `facts.${prop}`, value: f[prop], allowed: 'a non-empty string', fix: `set ${prop}` });
  }
  if (!Array.isArray(f.accessModes) || f.accessModes.length === 0) {
    throw invalid({ where, prop: 'facts.accessModes', value: f.accessModes, allowed: 'a non-empty list of AccessMode values', fix: 'list the access modes the driver serves' });
  }
  f.accessModes.forEach((m, i) => checkArg(where, `facts.accessModes[${i}]`, m, enumOf(AccessMode, 'AccessMode')));
  const inTree: unknown = f.inTreeProvisioners;
  if (inTree !== undefined && (!Array.isArray(inTree) || inTree.some(p => typeof p !== 'string' || p === ''))) {
    throw invalid({ where, prop: 'facts.inTreeProvisioners', value: inTree, allowed: 'a list of provisioner names', fix: 'list the in-tree names, or leave them out' });
  }
  return f;
}
