// kube-proxy's chain names (pkg/proxy/iptables/proxier.go portProtoHash,
// servicePortEndpointChainName; pkg/proxy/nftables hashAndTruncate): sha256 of the service port
// name and protocol (and endpoint), base32, cut to 16 characters (8 for nftables).
import { createHash } from 'node:crypto';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (standard alphabet, no padding). */
function base32(buf: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

const memo = new Map<string, string>();

/** The first n base32 characters of sha256(text), memoised (the same names recur every sync). */
export function hashPrefix(text: string, n: number): string {
  const key = `${n}\u0000${text}`;
  let h = memo.get(key);
  if (h === undefined) {
    h = base32(createHash('sha256').update(text, 'utf8').digest()).slice(0, n);
    if (memo.size > 200_000) memo.clear();
    memo.set(key, h);
  }
  return h;
}

/** portProtoHash: the 16-character hash shared by KUBE-SVC/SVL/EXT/FW of one service port. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hashPrefix(servicePortName + protocol.toLowerCase(), 16);
}

/** The service-level chains of one service port. */
export function serviceChains(servicePortName: string, protocol: string): { svc: string; svl: string; ext: string; fw: string } {
  const h = portProtoHash(servicePortName, protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** servicePortEndpointChainName: KUBE-SEP- + 16 characters of the hash of name, protocol and `ip:port`. */
export function endpointChain(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hashPrefix(servicePortName + protocol.toLowerCase() + endpoint, 16)}`;
}

/** nftables: `<prefix>-<HASH8>-<readable>` (hashAndTruncate of the readable part). */
export function nftChainName(prefix: string, readable: string): string {
  return `${prefix}-${hashPrefix(readable, 8)}-${readable}`;
}
