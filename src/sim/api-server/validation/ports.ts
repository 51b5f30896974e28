// Port checks shared by Services, containers and probes in core validation
// (supportedPortProtocols and ValidatePortNumOrName in pkg/apis/core/validation/validation.go).
import { invalid, type FieldError } from '../errors.js';
import { isValidPortName, isValidPortNum } from './names.js';

/** The protocols a Service or container port may use, in sets.List (sorted) order. */
export const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

/** True when the protocol is one of SUPPORTED_PROTOCOLS. */
export function isSupportedProtocol(protocol: string): boolean {
  return (SUPPORTED_PROTOCOLS as readonly string[]).includes(protocol);
}

/** ValidatePortNumOrName: a number in 1-65535, or an IANA_SVC_NAME (targetPort, probe ports). */
export function validatePortNumOrName(port: number | string, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  return isValidPortName(port).map((m) => invalid(path, port, m));
}
