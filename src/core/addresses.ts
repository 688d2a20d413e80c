const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f]*:[0-9a-f:.]*$/i;
const HOST_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/i;

/** A dotted IPv4 address. */
export function isIpv4(address: string): boolean {
  return IPV4.test(address ?? '');
}

/** An IPv4 or IPv6 address, as Go's net.ParseIP takes it (an IPv6 address has at least two ":"). */
export function isIpAddress(address: string): boolean {
  const a = address ?? '';
  return isIpv4(a) || (a.split(':').length > 2 && IPV6.test(a));
}

/** A host name (DNS labels joined by dots, at most 253 characters), an IPv4 address, or a bare IPv6 address. */
export function isHost(address: string): boolean {
  const a = address ?? '';
  // Digits and dots only is an IPv4 address or nothing: "999.999.1.1" is not a host name.
  return isIpAddress(a) || (a.length <= 253 && HOST_NAME.test(a) && !/^[\d.]+$/.test(a));
}
