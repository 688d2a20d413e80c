import { isHost } from '../core/addresses';
import { invalid } from '../core/errors';

/**
 * An NFS server as the mount expects it: a host name, an IPv4 address or an
 * IPv6 address; never a URL, and never a port (NFSv4 uses 2049, and other
 * ports go in mount options).
 */
export function checkNfsServer(server: string, where: string, prop = 'server'): string {
  const colons = (server ?? '').split(':').length - 1;
  if (!isHost(server)) {
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
