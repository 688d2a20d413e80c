import { isIP } from 'net';
import { FieldError, FieldPath } from './field-error';
import { isDns1123Label, isQualifiedName, nameIsDns1035Label } from './names';
import { Json, isMap, validateLabels, validateObjectMeta } from './object-meta';
import { listOf } from './selectors';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const FAMILIES = ['IPv4', 'IPv6'];
const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
/** PreferClose, and the two PreferSameTrafficDistribution adds (beta, on in 1.34). */
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameNode', 'PreferSameZone'];
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const LB_ONLY = 'may only be used when `type` is \'LoadBalancer\'';

/**
 * ValidateService (core validation) on a create, for the fields a headless
 * Service uses and those that refuse it, after v1 defaults (type ClusterIP,
 * sessionAffinity None, protocol TCP, targetPort = port, internalTrafficPolicy
 * Cluster) and NormalizeClusterIPs (clusterIPs from clusterIP). Load-balancer
 * specifics (health-check ports, source ranges) are not judged here.
 */
export function validateService(svc: Json): FieldError[] {
  const spec = isMap(svc?.spec) ? { ...svc.spec } : {};
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && listOf(spec.clusterIPs).length === 0) spec.clusterIPs = [spec.clusterIP];
  const type = spec.type || 'ClusterIP';
  const path = FieldPath.at('spec');
  const headless = listOf(spec.clusterIPs).length === 1 && spec.clusterIPs[0] === 'None';
  const errs = validateObjectMeta(svc?.metadata, nameIsDns1035Label);
  const ports = listOf(spec.ports);
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(path.child('ports').required());
  if (headless && (type === 'LoadBalancer' || type === 'NodePort')) {
    errs.push(path.child('clusterIPs').index(0).invalid('None', `may not be set to 'None' for ${type} services`));
  }
  errs.push(...validatePorts(ports, type, path.child('ports')));
  errs.push(...validateLabels(spec.selector, path.child('selector')));
  errs.push(...validateAffinity(spec, path));
  if (type === 'ExternalName') {
    for (const key of ['clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) {
      if (spec[key] !== undefined && spec[key] !== null && !(Array.isArray(spec[key]) && spec[key].length === 0)) errs.push(path.child(key).forbidden('may not be set for ExternalName services'));
    }
  } else {
    errs.push(...validateClusterIps(spec, headless, path));
  }
  listOf(spec.externalIPs).forEach((ip, i) => errs.push(...validateExternalIp(ip, path.child('externalIPs').index(i))));
  errs.push(...validateTopologyAnnotations(svc?.metadata?.annotations));
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null && !TRAFFIC_DISTRIBUTIONS.includes(spec.trafficDistribution)) {
    errs.push(path.child('trafficDistribution').notSupported(spec.trafficDistribution, TRAFFIC_DISTRIBUTIONS));
  }
  if (!TYPES.includes(type)) errs.push(path.child('type').notSupported(type, TYPES));
  if (type !== 'LoadBalancer') {
    for (const key of ['loadBalancerSourceRanges', 'allocateLoadBalancerNodePorts', 'loadBalancerClass']) {
      if (spec[key] !== undefined && spec[key] !== null) errs.push(path.child(key === 'loadBalancerSourceRanges' ? 'LoadBalancerSourceRanges' : key).forbidden(LB_ONLY));
    }
  }
  const external = type === 'LoadBalancer' || type === 'NodePort' || listOf(spec.externalIPs).length > 0;
  if (!external && spec.externalTrafficPolicy) errs.push(path.child('externalTrafficPolicy').invalid(spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  if (external && spec.externalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(path.child('externalTrafficPolicy').notSupported(spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.internalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errs.push(path.child('internalTrafficPolicy').notSupported(spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  return errs;
}

/** validateServicePort for each port, then the repeats: names, (protocol, port) and node ports; no node port on a ClusterIP Service. */
function validatePorts(ports: Json[], type: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  const pairs = new Set<string>();
  ports.forEach((port, i) => {
    const at = path.index(i);
    const name = typeof port?.name === 'string' ? port.name : '';
    if (name === '') {
      if (ports.length > 1) errs.push(at.child('name').required());
    } else {
      errs.push(...isDns1123Label(name).map(msg => at.child('name').invalid(name, msg)));
      if (names.has(name)) errs.push(at.child('name').duplicate(name));
      names.add(name);
    }
    if (!validPort(port?.port)) errs.push(at.child('port').invalid(port?.port, PORT_RANGE_MSG));
    const protocol = port?.protocol || 'TCP';
    if (!PROTOCOLS.includes(protocol)) errs.push(at.child('protocol').notSupported(protocol, PROTOCOLS));
    errs.push(...validateTargetPort(port?.targetPort, at.child('targetPort')));
    if (typeof port?.appProtocol === 'string') errs.push(...isQualifiedName(port.appProtocol).map(msg => at.child('appProtocol').invalid(port.appProtocol, msg)));
    if (type === 'ClusterIP' && port?.nodePort) errs.push(at.child('nodePort').forbidden('may not be used when `type` is \'ClusterIP\''));
    const pair = `${protocol}/${port?.port}`;
    if (pairs.has(pair)) errs.push(at.duplicate(port));
    pairs.add(pair);
  });
  return errs;
}

function validPort(value: Json): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** ValidatePortNumOrName: a port number, or an IANA service name (IsValidPortName). */
function validateTargetPort(target: Json, path: FieldPath): FieldError[] {
  if (target === undefined || target === null || target === 0 || target === '') return [];
  if (typeof target === 'number') return validPort(target) ? [] : [path.invalid(target, PORT_RANGE_MSG)];
  const name = String(target);
  const msgs: string[] = [];
  if (name.length > 15) msgs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) msgs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) msgs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) msgs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) msgs.push('must not begin or end with a hyphen');
  return msgs.map(msg => path.invalid(name, msg));
}

function validateAffinity(spec: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const affinity = spec.sessionAffinity || 'None';
  if (!AFFINITIES.includes(affinity)) return [path.child('sessionAffinity').notSupported(affinity, AFFINITIES)];
  if (affinity !== 'ClientIP') return [];
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (timeout === undefined || timeout === null) return [];
  return Number.isInteger(timeout) && timeout > 0 && timeout <= 86400 ? []
    : [path.child('sessionAffinityConfig', 'clientIP', 'timeoutSeconds').invalid(timeout, 'must be greater than 0 and less than 86400')];
}

/** Both topology annotations given: they must agree. */
function validateTopologyAnnotations(annotations: Json): FieldError[] {
  if (!isMap(annotations) || !(TOPOLOGY_MODE in annotations) || !(TOPOLOGY_HINTS in annotations)) return [];
  if (annotations[TOPOLOGY_MODE] === annotations[TOPOLOGY_HINTS]) return [];
  return [FieldPath.at('metadata').child('annotations').key(TOPOLOGY_MODE).invalid(annotations[TOPOLOGY_MODE], `must match annotations[${TOPOLOGY_HINTS}] when both are specified`)];
}

/** IsValidIP and ValidateNonSpecialIP for an external IP. */
function validateExternalIp(ip: Json, path: FieldPath): FieldError[] {
  const text = String(ip);
  const family = isIP(text);
  if (!family) return [path.invalid(ip, IP_MSG)];
  const lower = text.toLowerCase();
  if (text === '0.0.0.0' || /^(0*:)*:?0*$/.test(lower) && family === 6 && lower.replace(/[:0]/g, '') === '') return [path.invalid(ip, 'may not be unspecified (0.0.0.0)')];
  if (family === 4 ? text.startsWith('127.') : lower === '::1') return [path.invalid(ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  if (family === 4 ? text.startsWith('169.254.') : /^fe[89ab]/.test(lower)) return [path.invalid(ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  if (family === 4 ? text.startsWith('224.0.0.') : lower.startsWith('ff02:')) return [path.invalid(ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')];
  return [];
}

/** ValidateServiceClusterIPsRelatedFields (with initIPFamilyFields' defaulting of the family policy). */
function validateClusterIps(spec: { [key: string]: Json }, headless: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const clusterIp = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  const ips = listOf(spec.clusterIPs);
  if (clusterIp !== '' && ips[0] !== clusterIp) errs.push(path.child('clusterIPs').invalid(ips, 'first value must match `clusterIP`'));
  if (clusterIp === '' && ips.length > 0) errs.push(path.child('clusterIPs').invalid(ips, 'must be empty when `clusterIP` is not specified'));
  const families = listOf(spec.ipFamilies);
  families.forEach((f, i) => {
    if (!FAMILIES.includes(f)) errs.push(path.child('ipFamilies').index(i).notSupported(f, FAMILIES));
    if (families.indexOf(f) < i) errs.push(path.child('ipFamilies').index(i).duplicate(f));
  });
  if (spec.ipFamilyPolicy && !FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) errs.push(path.child('ipFamilyPolicy').notSupported(spec.ipFamilyPolicy, FAMILY_POLICIES));
  let valid = true;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) { errs.push(path.child('clusterIPs').invalid(ips, '\'None\' must be the first and only value')); valid = false; }
    } else if (!isIP(String(ip))) {
      errs.push(path.child('clusterIPs').index(i).invalid(ip, IP_MSG));
      valid = false;
    }
  });
  if (ips.length > 2) errs.push(path.child('clusterIPs').invalid(ips, 'may only hold up to 2 values'));
  if (valid && ips.length === 2 && isIP(String(ips[0])) === isIP(String(ips[1]))) {
    errs.push(path.child('clusterIPs').invalid(ips, 'may specify no more than one IP for each IP family'));
  }
  if (valid && !headless) {
    ips.forEach((ip, i) => {
      const family = families[i];
      if (family === 'IPv4' && isIP(String(ip)) !== 4) errs.push(path.child('clusterIPs').index(i).invalid(ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (family === 'IPv6' && isIP(String(ip)) !== 6) errs.push(path.child('clusterIPs').index(i).invalid(ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  // initIPFamilyFields: a headless Service without a selector defaults to RequireDualStack, any other to SingleStack.
  const selectorless = !isMap(spec.selector) || Object.keys(spec.selector).length === 0;
  const policy = spec.ipFamilyPolicy || (headless && selectorless ? 'RequireDualStack' : 'SingleStack');
  if (policy === 'SingleStack' && ips.length === 2) errs.push(path.child('ipFamilyPolicy').invalid(policy, 'must be \'RequireDualStack\' or \'PreferDualStack\' when multiple cluster IPs are specified'));
  if (policy === 'SingleStack' && families.length === 2) errs.push(path.child('ipFamilyPolicy').invalid(policy, 'must be \'RequireDualStack\' or \'PreferDualStack\' when multiple IP families are specified'));
  return errs;
}
