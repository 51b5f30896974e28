// The rules flannel's daemon (kube-flannel, pkg/trafficmngr/iptables) keeps in every node's tables
// beside kube-proxy's: FLANNEL-POSTRTG in nat (no NAT inside the pod network, masquerade pod traffic
// leaving it, leave kube-proxy's marked packets to kube-proxy) and FLANNEL-FWD in filter (forward
// anything from or to the pod network). flannel appends its jumps, so they come after kube-proxy's
// in POSTROUTING and FORWARD, as real dumps show. They do not depend on the proxy mode.
import { rule } from './iptables-mode/rule.js';
import type { IptablesState } from './types.js';

const MASQ = '-m comment --comment "flanneld masq"';
const FWD = '-m comment --comment "flanneld forward"';

/** flannel's chains for one node's podCIDR in one pod network (the same strings every sync). */
interface FlannelRules {
  postrtg: string[];
  fwd: string[];
  natJump: string;
  fwdJump: string;
}

const memo = new Map<string, FlannelRules>();

function flannelRules(podCIDR: string, network: string): FlannelRules {
  const key = `${podCIDR}|${network}`;
  let r = memo.get(key);
  if (!r) {
    r = {
      postrtg: [
        rule('FLANNEL-POSTRTG', { matches: ['-m mark --mark 0x4000/0x4000', MASQ], target: 'RETURN' }),
        rule('FLANNEL-POSTRTG', { src: podCIDR, dst: network, matches: [MASQ], target: 'RETURN' }),
        rule('FLANNEL-POSTRTG', { src: network, dst: podCIDR, matches: [MASQ], target: 'RETURN' }),
        rule('FLANNEL-POSTRTG', { notSrc: network, dst: podCIDR, matches: [MASQ], target: 'RETURN' }),
        `-A FLANNEL-POSTRTG -s ${network} ! -d 224.0.0.0/4 ${MASQ} -j MASQUERADE --random-fully`,
        rule('FLANNEL-POSTRTG', { notSrc: network, dst: network, matches: [MASQ], target: 'MASQUERADE --random-fully' }),
      ],
      fwd: [rule('FLANNEL-FWD', { src: network, matches: [FWD], target: 'ACCEPT' }), rule('FLANNEL-FWD', { dst: network, matches: [FWD], target: 'ACCEPT' })],
      natJump: rule('POSTROUTING', { matches: [MASQ], target: 'FLANNEL-POSTRTG' }),
      fwdJump: rule('FORWARD', { matches: [FWD], target: 'FLANNEL-FWD' }),
    };
    if (memo.size > 10_000) memo.clear();
    memo.set(key, r);
  }
  return r;
}

/**
 * Adds flannel's chains and jumps to a node's freshly written tables (in place: every rule writer
 * returns new chain maps, and copying a map of thousands of chains on every sync of every node
 * costs more than the sync). Built-in chains get new arrays; an existing jump stays where it is.
 */
export function withFlannel(t: IptablesState, podCIDR: string, network: string): IptablesState {
  if (!podCIDR || !network) return t;
  const f = flannelRules(podCIDR, network);
  const append = (rules: string[] | undefined, jump: string): string[] => (rules?.includes(jump) ? rules : [...(rules ?? []), jump]);
  t.nat.chains.POSTROUTING = append(t.nat.chains.POSTROUTING, f.natJump);
  t.nat.chains['FLANNEL-POSTRTG'] = f.postrtg;
  t.filter.chains.FORWARD = append(t.filter.chains.FORWARD, f.fwdJump);
  t.filter.chains['FLANNEL-FWD'] = f.fwd;
  return t;
}
