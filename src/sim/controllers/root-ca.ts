// The cluster CA certificate that kubeadm writes to /etc/kubernetes/pki/ca.crt and the root-ca-cert-
// publisher copies into every namespace: a DER X.509 structure shaped like kubeadm's (CN=kubernetes,
// RSA 2048, CA:TRUE, 10 years from install) with its serial, key and signature drawn from the seed.
// Left out: real cryptography — nothing in the lab verifies the signature.
import type { ClusterConfig } from '../config.js';
import { DEFAULT_INSTALL_TIME, utcFields } from '../clock.js';
import { nextUint32, seedRng, type RngState } from '../rng.js';

const OID_SHA256_RSA = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00];
const OID_RSA = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const KUBERNETES = [...'kubernetes'].map((c) => c.charCodeAt(0));
/** Name ::= CN=kubernetes (issuer and subject of kubeadm's CA). */
const NAME_KUBERNETES = [0x30, 0x15, 0x31, 0x13, 0x30, 0x11, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, 0x0a, ...KUBERNETES];
const BACKDATE_MS = 5 * 60 * 1000;
const TEN_YEARS_MS = 10 * 365 * 24 * 60 * 60 * 1000;

function randomBytes(r: RngState, n: number): number[] {
  return Array.from({ length: n }, () => nextUint32(r) & 0xff);
}

/** ASN.1 UTCTime of an instant: YYMMDDHHMMSSZ. */
function utcTime(ms: number): number[] {
  const f = utcFields(ms);
  const text = [f.y % 100, f.m, f.d, f.h, f.mi, f.s].map((n) => String(n).padStart(2, '0')).join('') + 'Z';
  return [0x17, text.length, ...[...text].map((c) => c.charCodeAt(0))];
}

/** The DER bytes: tbsCertificate (version, serial, algorithm, issuer, validity, subject, key, extensions), algorithm, signature. */
function certificateDer(r: RngState): number[] {
  const serial = randomBytes(r, 8);
  serial[0]! &= 0x7f;
  const modulus = randomBytes(r, 256);
  modulus[0]! |= 0x80;
  const notBefore = DEFAULT_INSTALL_TIME - BACKDATE_MS;
  const spki = [0x30, 0x82, 0x01, 0x22, ...OID_RSA, 0x03, 0x82, 0x01, 0x0f, 0x00, 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00, ...modulus, 0x02, 0x03, 0x01, 0x00, 0x01];
  const extensions = [
    0xa3, 0x59, 0x30, 0x57,
    0x30, 0x0e, 0x06, 0x03, 0x55, 0x1d, 0x0f, 0x01, 0x01, 0xff, 0x04, 0x04, 0x03, 0x02, 0x02, 0xa4,
    0x30, 0x0f, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x01, 0x01, 0xff, 0x04, 0x05, 0x30, 0x03, 0x01, 0x01, 0xff,
    0x30, 0x1d, 0x06, 0x03, 0x55, 0x1d, 0x0e, 0x04, 0x16, 0x04, 0x14, ...randomBytes(r, 20),
    0x30, 0x15, 0x06, 0x03, 0x55, 0x1d, 0x11, 0x04, 0x0e, 0x30, 0x0c, 0x82, 0x0a, ...KUBERNETES,
  ];
  const tbs = [
    0x30, 0x82, 0x01, 0xed, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x08, ...serial, ...OID_SHA256_RSA, ...NAME_KUBERNETES,
    0x30, 0x1e, ...utcTime(notBefore), ...utcTime(notBefore + TEN_YEARS_MS), ...NAME_KUBERNETES, ...spki, ...extensions,
  ];
  return [0x30, 0x82, 0x03, 0x05, ...tbs, ...OID_SHA256_RSA, 0x03, 0x82, 0x01, 0x01, 0x00, ...randomBytes(r, 256)];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding. */
export function base64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

const cache = new Map<number, string>();

/** The cluster's CA certificate in PEM, the same for every call with the same seed (it never touches the state's PRNG). */
export function clusterCACertificate(config: ClusterConfig): string {
  const cached = cache.get(config.seed);
  if (cached) return cached;
  const body = base64(certificateDer(seedRng(config.seed ^ 0x6b756265)));
  const lines = body.match(/.{1,64}/g) ?? [];
  const pem = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  cache.set(config.seed, pem);
  return pem;
}
