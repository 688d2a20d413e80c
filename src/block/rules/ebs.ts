import { ProviderRules, requireInteger } from './provider-rules';
import { invalid } from '../../core/errors';
import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { EbsOptions, EbsVolumeType } from '../ebs-options';

const PROVISIONED_IOPS_TYPES = [EbsVolumeType.GP3, EbsVolumeType.IO1, EbsVolumeType.IO2];
const WHERE = 'BlockProvider.ebs()';

/** AWS EBS CSI v1.64 (docs/parameters.md, docs/multi-attach.md). */
export function ebsRules(options: EbsOptions): ProviderRules {
  const type = options.type ?? EbsVolumeType.GP3;
  requireInteger(options.iops, 1, Number.MAX_SAFE_INTEGER, WHERE, 'iops');
  requireInteger(options.iopsPerGb, 1, Number.MAX_SAFE_INTEGER, WHERE, 'iopsPerGb');
  requireInteger(options.throughput, 1, Number.MAX_SAFE_INTEGER, WHERE, 'throughput');
  if (options.iops !== undefined && options.iopsPerGb !== undefined) {
    reject('iops', `${options.iops} with iopsPerGb ${options.iopsPerGb}`, 'either iops or iopsPerGb (the driver rejects a class with both)', 'keep one of them');
  }
  if ((options.iops ?? options.iopsPerGb) !== undefined && !PROVISIONED_IOPS_TYPES.includes(type)) {
    reject(options.iops !== undefined ? 'iops' : 'iopsPerGb', type, 'provisioned IOPS only with gp3, io1 or io2', 'remove the IOPS setting or choose one of those types');
  }
  if (options.allowAutoIopsPerGbIncrease && options.iopsPerGb === undefined) {
    reject('allowAutoIopsPerGbIncrease', true, 'allowAutoIopsPerGbIncrease only with iopsPerGb', 'set iopsPerGb, or remove allowAutoIopsPerGbIncrease');
  }
  if (options.throughput !== undefined && type !== EbsVolumeType.GP3) {
    reject('throughput', type, 'throughput only with gp3 (the driver ignores it otherwise)', 'remove throughput or use EbsVolumeType.GP3');
  }
  if (options.kmsKeyId !== undefined && (!options.encrypted || !options.kmsKeyId.startsWith('arn:'))) {
    reject('kmsKeyId', options.kmsKeyId, 'the full ARN of a KMS key, with encrypted: true (without it the key is ignored)', 'set encrypted: true and give the key\'s ARN');
  }
  return {
    label: 'AWS EBS',
    provisioner: 'ebs.csi.aws.com',
    parameters: definedParameters([
      ['type', type],
      ['iops', options.iops],
      ['iopsPerGB', options.iopsPerGb],
      ['allowAutoIOPSPerGBIncrease', options.allowAutoIopsPerGbIncrease],
      ['throughput', options.throughput],
      [FS_TYPE_KEY, options.fsType],
      ['encrypted', options.encrypted],
      ['kmsKeyId', options.kmsKeyId],
    ]),
    topologyKey: 'topology.kubernetes.io/zone',
    // The driver serves MULTI_NODE_MULTI_WRITER for Block volumes only, and EBS multi-attach needs io2.
    multiAttachProblem: type === EbsVolumeType.IO2 ? undefined : `EBS multi-attach needs io2 volumes; this class makes ${type}`,
  };
}

function reject(prop: string, value: unknown, allowed: string, fix: string): never {
  throw invalid({ where: WHERE, prop, value, allowed, fix });
}
