// The order `nft list` prints set elements in (nftables 1.0.2 src/mergesort.c expr_msort_cmp):
// elements are sorted by their key's value. A single address compares as the number it is; a
// concatenation's components are laid out in a byte buffer (addresses and ports big-endian, the
// protocol as one byte) that is then read back as a little-endian number — so `10.96.0.10 . udp . 53`
// sorts by the port's low byte first. Real dumps show exactly this odd order.
import ipaddr from 'ipaddr.js';

const PROTOCOLS: Record<string, number> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

/** The key part of an element as printed (`10.96.0.1 . tcp . 443`), without comment, timeout or verdict. */
export function elementKey(element: string): string {
  const noVerdict = element.includes(' : ') ? element.slice(0, element.indexOf(' : ')) : element;
  return noVerdict.replace(/ comment ".*"$/, '').replace(/ timeout \S+( expires \S+)?$/, '');
}

/** The bytes one key component occupies in nft's sort buffer (its datatype's length). */
function componentBytes(type: string, value: string): number[] {
  switch (type) {
    case 'ipv4_addr':
    case 'ipv6_addr':
      return ipaddr.isValid(value) ? ipaddr.parse(value).toByteArray() : [];
    case 'inet_proto':
      return [PROTOCOLS[value] ?? (Number(value) & 255)];
    case 'inet_service':
      return [(Number(value) >> 8) & 255, Number(value) & 255];
    default:
      return [];
  }
}

/** The number nft sorts an element by, as bytes from most to least significant. */
export function sortBytes(setKeyType: string, element: string): number[] {
  const types = setKeyType.split(' : ')[0]!.split(' . ');
  const parts = elementKey(element).split(' . ');
  const bytes = types.flatMap((t, i) => componentBytes(t, parts[i] ?? ''));
  return types.length > 1 ? bytes.reverse() : bytes;
}

function compareBytes(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The elements in `nft list` order. */
export function sortedElements(setKeyType: string, elements: string[]): string[] {
  return elements.map((e) => ({ e, k: sortBytes(setKeyType, e) })).sort((x, y) => compareBytes(x.k, y.k)).map((x) => x.e);
}

/** How many elements nft prints per line before wrapping (src/expression.c calculate_delim). */
export function elementsPerLine(setKeyType: string): number {
  const key = setKeyType.split(' : ')[0]!;
  if (key === 'ipv4_addr') return 2;
  if (key === 'inet_service' || key === 'inet_proto') return 5;
  return 1;
}
