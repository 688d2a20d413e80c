import { isHost } from '../core/addresses';
import { invalid } from '../core/errors';

/**
 * An NFS server as the mount expects it: a host name, an IPv4 address or an
 * IPv6 address; never a URL, and never a port (NFSv4 uses 2049, and other
 * ports go in mount options).
 */
export function checkNfsServer(server: string, where: string, prop = 'server'): string {
  if (!isHost(server)) {
    throw invalid({ where, prop, value: server, allowed: 'a host name or an IP address, without a scheme ("nfs://") or a port (":2049")', fix: serverFix(server) });
  }
  return server;
}

/** A fix that works for the usual mistakes: a URL, a host with a port, anything else. */
function serverFix(server: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/:]*)/i.exec(server);
  if (url) return `drop the scheme${url[1] ? `: write "${url[1]}"` : ' and give the host name'}${server.slice(url[0].length).startsWith(':') ? ' (and set a port other than 2049 with a "port=" mount option)' : ''}`;
  const hostPort = /^([^:]+):(\d+)$/.exec(server);
  if (hostPort) return `drop the port: write "${hostPort[1]}" (set a port other than 2049 with a "port=" mount option)`;
  return 'give the server\'s host name or IP address, for example "10.0.2.5"';
}

/** An exported path: absolute, as the API requires of `nfs.path`. */
export function checkNfsPath(path: string, where: string, prop = 'path'): string {
  if (!path?.startsWith('/')) {
    throw invalid({
      where,
      prop,
      value: path,
      allowed: 'an absolute path (the API rejects others)',
      fix: typeof path === 'string' && path !== '' && !path.split('/').includes('..')
        ? `write "/${path}"` : 'write the absolute path the server exports, for example "/exports/data"',
    });
  }
  return path;
}

/**
 * csi-driver-nfs refuses a ".." segment, also after "\\" (pkg/nfs/utils.go validatePath,
 * called on the share and subDir in CreateVolume and on the source in NodePublishVolume).
 */
export function noTraversal(path: string, where: string, prop: string): string {
  if (path.replace(/\\/g, '/').split('/').includes('..')) {
    throw invalid({
      where,
      prop,
      value: path,
      allowed: 'a path without a ".." segment (the driver refuses "path contains directory traversal sequence")',
      fix: 'write the directory it should be, without ".."',
    });
  }
  return path;
}
