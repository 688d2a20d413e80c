import { SpdkRpcToken, SpdkTarget, SpdkXpu } from './spdk-types';
import { isHost } from '../core/addresses';
import { invalid } from '../core/errors';
import { NameRule, isValidName } from '../core/names';

const HOST_PORT = /^(.+):(\d{1,5})$/;

/** Checks the targets and renders `config.json` (`{"nodes":[...]}`, spdk-csi pkg/util/config.go). */
export function renderTargetConfig(targets: SpdkTarget[], where: string): string {
  if (targets.length === 0) {
    throw invalid({ where, prop: 'targets', value: [], allowed: 'at least one target', fix: 'list the SPDK storage nodes (the controller exits with "no valid spdk node found" otherwise)' });
  }
  uniqueNames(targets.map(t => t.name), where, 'targets[].name');
  for (const target of targets) checkTarget(target, where);
  const nodes = targets.map(t => ({ name: t.name, rpcURL: t.rpcUrl, targetType: t.targetType, targetAddr: t.targetAddress }));
  return JSON.stringify({ nodes }, null, 2);
}

/** Renders `nodeserver-config.json` (`{"xpuList":[...]}`). */
export function renderXpuConfig(xpus: SpdkXpu[], where: string): string {
  uniqueNames(xpus.map(x => x.name), where, 'xpus[].name');
  for (const xpu of xpus) {
    const match = HOST_PORT.exec(xpu.targetAddress ?? '');
    if (!match || !isHost(match[1].replace(/^\[(.*)\]$/, '$1')) || Number(match[2]) > 65535) {
      throw invalid({ where, prop: `xpus["${xpu.name}"].targetAddress`, value: xpu.targetAddress, allowed: 'IP:PORT', fix: 'for example "127.0.0.1:5114"' });
    }
  }
  const xpuList = xpus.map(x => ({
    name: x.name,
    targetType: x.targetType,
    targetAddr: x.targetAddress,
    pciIDs: { classID: x.pciIds.classId, vendorID: x.pciIds.vendorId, deviceID: x.pciIds.deviceId },
  }));
  return JSON.stringify({ xpuList }, null, 2);
}

/**
 * Renders `secret.json`. Each target needs a token of its name ("failed to
 * find secret for spdk node" otherwise), and a token for no target is a typo.
 */
export function renderTokens(tokens: SpdkRpcToken[], targets: SpdkTarget[], where: string): string {
  const targetNames = new Set(targets.map(t => t.name));
  const tokenNames = new Set(tokens.map(t => t.name));
  const stray = tokens.find(t => !targetNames.has(t.name));
  const missing = targets.find(t => !tokenNames.has(t.name));
  if (stray || missing) {
    throw invalid({
      where,
      prop: 'credentials',
      value: stray ? `token "${stray.name}"` : `target "${missing!.name}" without a token`,
      allowed: `one token per target, named like it (targets: ${[...targetNames].join(', ')})`,
      fix: stray ? 'rename the token to its target\'s name' : 'add a token for that target',
    });
  }
  uniqueNames(tokens.map(t => t.name), where, 'credentials tokens');
  return JSON.stringify({ rpcTokens: tokens.map(t => ({ name: t.name, username: t.username, password: t.password })) }, null, 2);
}

/** Whether the RPC URL points at the machine the pod runs on, which only host networking reaches. */
export function isLoopbackUrl(rpcUrl: string): boolean {
  const host = new URL(rpcUrl).hostname;
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}

function checkTarget(target: SpdkTarget, where: string): void {
  const prop = `targets["${target.name}"]`;
  if (!isValidName(target.name ?? '', NameRule.DNS_SUBDOMAIN)) {
    throw invalid({ where, prop: `${prop}.name`, value: target.name, allowed: 'a DNS-1123 subdomain', fix: 'use lower-case letters, digits, "-" and "."' });
  }
  let url: URL | undefined;
  try {
    url = new URL(target.rpcUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.port || url.pathname !== '/' || url.search) {
    throw invalid({
      where,
      prop: `${prop}.rpcUrl`,
      value: target.rpcUrl,
      allowed: 'an http(s) URL with a host and a port and nothing else',
      fix: 'for example "http://192.168.10.118:9009"',
    });
  }
  if (!isHost(target.targetAddress)) {
    throw invalid({
      where,
      prop: `${prop}.targetAddress`,
      value: target.targetAddress,
      allowed: 'an IP address or host name, without port (NVMe-oF uses 4420, iSCSI 3260)',
      fix: 'for example "192.168.10.118"',
    });
  }
}

function uniqueNames(names: string[], where: string, prop: string): void {
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) {
    throw invalid({ where, prop, value: duplicate, allowed: 'unique names', fix: 'rename one of them' });
  }
}
