import { CORE_SCHEMA, Schema, Type } from 'js-yaml';

/**
 * YAML as kubectl, Argo CD and Flux read it: sigs.k8s.io/yaml turns YAML
 * into JSON with its copy of go-yaml v2, whose plain scalars follow YAML 1.1
 * where the YAML 1.2 core schema does not. A file mode written `0644` is
 * octal (420), not 644 (which the API server would refuse); `yes`, `on`,
 * `y` are true. Timestamps stay strings, as they do there.
 */

/** goyaml.v2 resolve: strconv.ParseInt with base 0 after removing "_" (0b, 0o, 0x, and a leading 0 for octal). */
const INT = /^[-+]?(0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)$/;

const INT_11 = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && INT.test(text) && /\d/.test(text),
  construct: (text: string) => {
    const plain = text.replace(/_/g, '');
    const sign = plain.startsWith('-') ? -1 : 1;
    const digits = plain.replace(/^[-+]/, '');
    const [base, body] = digits.startsWith('0b') ? [2, digits.slice(2)] : digits.startsWith('0o') ? [8, digits.slice(2)]
      : digits.startsWith('0x') ? [16, digits.slice(2)] : /^0[0-7]+$/.test(digits) ? [8, digits.slice(1)] : [10, digits];
    return sign * parseInt(body, base);
  },
  predicate: (value: unknown) => Number.isInteger(value),
  represent: { decimal: (value: object) => String(value) },
  defaultStyle: 'decimal',
});

const TRUE_11 = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE_11 = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];

const BOOL_11 = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && (TRUE_11.includes(text) || FALSE_11.includes(text)),
  construct: (text: string) => TRUE_11.includes(text),
  predicate: (value: unknown) => typeof value === 'boolean',
  represent: { lowercase: (value: object) => String(value) },
  defaultStyle: 'lowercase',
});

/** The core schema with go-yaml v2's integers and booleans. */
export const KUBECTL_YAML_SCHEMA: Schema = CORE_SCHEMA.extend({ implicit: [INT_11, BOOL_11] });
