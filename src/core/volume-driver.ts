import { Size } from 'cdk8s';
import { DriverFacts } from './driver-facts';
import { sizeInBytes } from './quantity';

/** The provisioner of a class whose PVs are written by hand (local volumes among them). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** What a class of a driver serves to one claim, decided by the class's parameters and the claim's volume mode. */
export interface Served {
  /** The access modes served for the claim's volume mode. */
  readonly accessModes: readonly string[];
  /** Why Block volumes are not served by this class, or undefined when they are. */
  readonly blockModeProblem?: string;
  /** Why ReadWriteMany is missing, when it is. */
  readonly multiAttachProblem?: string;
  /** The smallest volume, what happens to a smaller request, and the driver's own rounding up. */
  readonly minimumSize?: { readonly size: Size; readonly reason: string; readonly roundsUpTo?: Size };
  readonly maximumSize?: Size;
}

/** A class parameter the driver or the cloud refuses, with what is allowed and the fix: one statement for the constructs and `check`. */
export interface ClassProblem {
  /** The parameter at fault, as the class writes it: "cachingMode". */
  readonly parameter: string;
  /** Its value, or undefined when the problem is that it is missing. */
  readonly value: string | undefined;
  /** What is allowed, and who refuses otherwise, citing the driver or the cloud. */
  readonly allowed: string;
  readonly fix: string;
}

/** Whether a request of `bytes` reaches the driver's minimum, after the driver rounds it up. */
export function meetsMinimum(minimum: NonNullable<Served['minimumSize']>, bytes: bigint, where: string): boolean {
  const step = minimum.roundsUpTo ? sizeInBytes(minimum.roundsUpTo, where, 'rounding') : 1n;
  const rounded = ((bytes + step - 1n) / step) * step;
  return rounded >= sizeInBytes(minimum.size, where, 'minimum');
}

/** A class platforms install in every cluster, so a claim naming it is judged even when the class is not in the manifests. */
export interface PlatformClass {
  /** "EKS". */
  readonly platform: string;
  readonly parameters: { readonly [key: string]: string };
}

/**
 * A driver as the reading half (`check`) knows it: its facts, and what a
 * class of it serves. Each backend declares its own in its folder; the
 * registry (src/drivers.ts) lists them.
 */
export interface VolumeDriver {
  readonly facts: DriverFacts;
  /** What a class with `parameters` serves to a claim of `volumeMode`. */
  readonly serves: (parameters: { readonly [key: string]: string }, volumeMode: string) => Served;
  /** What the driver or the cloud refuses in a class with `parameters`, restricted to `zones` by its allowedTopologies (none by default). */
  readonly classProblems?: (parameters: { readonly [key: string]: string }, zones?: readonly string[]) => ClassProblem[];
  /**
   * Whether a volume of a class with `parameters` attaches only to nodes of
   * the zone (or zones) it is made in: Immediate binding then picks the zone
   * before the pod is scheduled.
   *
   * @default - volumes attach anywhere
   */
  readonly zoneBound?: (parameters: { readonly [key: string]: string }) => boolean;
  /** Classes that platforms install with this driver, by name. */
  readonly platformClasses?: { readonly [name: string]: PlatformClass };
  /**
   * Whether a class of this provisioner is this driver, judged by its PVs in
   * the manifests (a class without a provisioner may hold local volumes or
   * hand-written NFS PVs).
   */
  readonly claimsClassWith?: (volumes: ReadonlyArray<{ readonly spec?: any }>) => boolean;
}

/** A driver whose classes serve what its facts say, whatever their parameters (file systems, SPDK, third-party backends). */
export function fixedDriver(facts: DriverFacts, more: Partial<Omit<VolumeDriver, 'facts' | 'serves'>> = {}): VolumeDriver {
  return {
    facts,
    serves: () => ({ accessModes: facts.accessModes, blockModeProblem: facts.blockModeProblem }),
    ...more,
  };
}

/** The provisioner names a StorageClass of this driver may give. */
export function provisionersOf(driver: VolumeDriver): readonly string[] {
  return [driver.facts.provisioner, ...driver.facts.inTreeProvisioners ?? []];
}
