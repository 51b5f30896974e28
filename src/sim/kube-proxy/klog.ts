// klog's text format as kube-proxy writes it (k8s.io/klog/v2 internal/buffer FormatHeader and
// the structured key/value serialisation): `I1123 07:00:00.123456       1 proxier.go:765] "msg" k=v`.
// kube-proxy runs as PID 1 in its container. Left out: multi-line values and JSON logging.
import { utcFields } from '../clock.js';

/** A value of a structured log call: strings quoted, numbers and booleans bare, lists as JSON. */
export type KlogValue = string | number | boolean | string[];

/** Go's %q for the strings kube-proxy logs (printable ASCII and the usual escapes). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u001b/g, '\\x1b');
}

function formatValue(v: KlogValue): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The header: severity, mmdd, time with microseconds, the PID right-aligned in 7 columns, file:line. */
export function klogHeader(severity: 'I' | 'W' | 'E', micros: number, file: string, line: number): string {
  const f = utcFields(Math.floor(micros / 1000));
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const us = String(Math.floor(micros % 1_000_000)).padStart(6, '0');
  return `${severity}${p2(f.m)}${p2(f.d)} ${p2(f.h)}:${p2(f.mi)}:${p2(f.s)}.${us}       1 ${file}:${line}] `;
}

/** One structured line (InfoS / ErrorS): the quoted message, then ` key=value` pairs. */
export function klogLine(severity: 'I' | 'W' | 'E', micros: number, source: string, msg: string, kv: [string, KlogValue][] = []): string {
  const [file, line] = source.split(':') as [string, string];
  return `${klogHeader(severity, micros, file, Number(line))}${goQuote(msg)}${kv.map(([k, v]) => ` ${k}=${formatValue(v)}`).join('')}`;
}

/** One unstructured line (klog.Infof), as client-go's older helpers still print. */
export function klogPlain(micros: number, source: string, text: string): string {
  const [file, line] = source.split(':') as [string, string];
  return `${klogHeader('I', micros, file, Number(line))}${text}`;
}
