import { invalid } from '../core/errors';

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]+$/;
const HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/i;

/**
 * An NFS server as the mount expects it: a host name, an IPv4 address or an
 * IPv6 address; never a URL, and never a port (NFSv4 uses 2049, and other
 * ports go in mount options).
 */
export function checkNfsServer(server: string, where: string, prop = 'server'): string {
  const colons = (server ?? '').split(':').length - 1;
  const valid = colons === 0 ? IPV4.test(server) || (HOSTNAME.test(server) && server.length <= 253)
    : colons >= 2 && IPV6.test(server);
  if (!valid) {
    throw invalid({
      where,
      prop,
      value: server,
      allowed: 'a host name or an IP address, without a scheme ("nfs://") or a port (":2049")',
      fix: colons === 1 ? 'drop the port (set it with a "port=" mount option if it is not 2049)' : 'give the server\'s host name or IP address, for example "10.0.2.5"',
    });
  }
  return server;
}

/** An exported path: absolute, as the API requires of `nfs.path`. */
export function checkNfsPath(path: string, where: string, prop = 'path'): string {
  if (!path?.startsWith('/')) {
    throw invalid({ where, prop, value: path, allowed: 'an absolute path (the API rejects others)', fix: `write "/${path ?? ''}"` });
  }
  return path;
}
