// The client network tools' formatters, from hand-built connect results and server answers to
// the full text each build prints: curl 7.81.0 (Ubuntu 22.04), 7.88.1 (Debian bookworm, nginx) and
// 8.17.0 (curlimages/curl); GNU Wget 1.21.2 and BusyBox wget; netcat-openbsd and BusyBox nc;
// iputils and BusyBox ping; netkit and BusyBox telnet.
//
// Addressing plan: the client is a pod 10.244.1.7 (port 43210) on node01 (192.168.56.11); Service
// `web` = 10.96.12.7:80 (canonical web.default.svc.cluster.local); a pod on node02 is 10.244.2.3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectOutcome, ConnectResult } from '../../src/sim/dataplane/types.js';
import type { AppAnswer } from '../../src/sim/node/catalogue.js';
import type { ToolOutput } from '../../src/shell/node-tools/net-tools/common.js';
import { curlPreflight, formatCurl, type CurlHop } from '../../src/shell/node-tools/net-tools/curl-format.js';
import type { CurlVersion } from '../../src/shell/node-tools/net-tools/flavours.js';
import { imageTools } from '../../src/shell/node-tools/net-tools/flavours.js';
import { parseHttpUrl, type HttpUrl } from '../../src/shell/node-tools/net-tools/url.js';
import { formatBusyboxWget, type WgetStep } from '../../src/shell/node-tools/net-tools/wget-busybox.js';
import { formatGnuWget } from '../../src/shell/node-tools/net-tools/wget-gnu.js';
import { parseWgetArgs } from '../../src/shell/node-tools/net-tools/wget-opts.js';
import { formatNc, parseNcArgs, type NcRun } from '../../src/shell/node-tools/net-tools/nc-format.js';
import { formatPing, pingResolveError, type PingProbe, type PingRun } from '../../src/shell/node-tools/net-tools/ping-format.js';
import { parsePingArgs } from '../../src/shell/node-tools/net-tools/ping-opts.js';
import { formatTelnet, parseTelnetArgs, type TelnetRun } from '../../src/shell/node-tools/net-tools/telnet-format.js';
import { utcMillis } from '../../src/sim/clock.js';

const WEB = { ok: true as const, ip: '10.96.12.7', canonical: 'web.default.svc.cluster.local' };
const NX = { ok: false as const, reason: 'nxdomain' as const };

function conn(outcome: ConnectOutcome, elapsedMs = 0): ConnectResult {
  const server = { kind: 'pod' as const, namespace: 'default', pod: 'web-1', container: 'nginx', node: 'node02', ip: '10.244.2.3', port: 80 };
  return { outcome, from: { ip: '10.244.1.7', port: 43210 }, hops: [], elapsedMs, ...(outcome === 'connected' ? { server } : {}) };
}

function http(status: number, statusText: string, body: string, extra: [string, string][] = []): AppAnswer {
  return { kind: 'http', status, statusText, headers: [['Server', 'nginx/1.29.3'], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ...extra], body };
}

const HELLO = http(200, 'OK', '<h1>hello</h1>\n');
const url = (text: string): HttpUrl => { const u = parseHttpUrl(text); assert.ok(u.ok); return u.url; };

/** What the tool wrote, by stream, with its status and the time it blocked. */
function streams(o: ToolOutput): { out: string; err: string; status: number; ms: number } {
  const pick = (fd: 1 | 2): string => o.chunks.filter((c) => c.fd === fd).map((c) => c.text).join('');
  return { out: pick(1), err: pick(2), status: o.status, ms: o.elapsedMs };
}

function curl(v: CurlVersion, args: string[], hop: Partial<CurlHop> & { outcome?: ConnectOutcome; ms?: number } = {}, tty = true): ToolOutput {
  const pre = curlPreflight(v, args);
  if (!pre.ok) return pre.out;
  const outcome = hop.outcome ?? 'connected';
  const h: CurlHop = {
    url: pre.url, resolved: hop.resolved ?? { ok: true, ip: /^\d/.test(pre.url.host) ? pre.url.host : WEB.ip },
    result: conn(outcome, hop.ms ?? 0), ...(outcome === 'connected' ? { answer: hop.answer ?? HELLO } : {}),
  };
  return formatCurl({ version: v, opts: pre.opts, stdoutTty: tty, hops: [h] });
}

const HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const METER7 = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO7 = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
const ZERO8 = '  0     0   0     0   0     0     0     0  --:--:-- --:--:-- --:--:--     0';
const REQ = (v: string, host = '10.96.12.7'): string => `> GET / HTTP/1.1\n> Host: ${host}\n> User-Agent: curl/${v}\n> Accept: */*\n> \n`;
const RESP = '< HTTP/1.1 200 OK\n< Server: nginx/1.29.3\n< Content-Type: text/html\n< Content-Length: 15\n< \n';

type Expect = { out?: string; err?: string; status?: number; ms?: number };
const check = (o: ToolOutput, e: Expect): void => {
  const s = streams(o);
  assert.deepEqual({ out: s.out, err: s.err, status: s.status, ...(e.ms !== undefined ? { ms: s.ms } : {}) },
    { out: e.out ?? '', err: e.err ?? '', status: e.status ?? 0, ...(e.ms !== undefined ? { ms: e.ms } : {}) });
};

const CURL: [string, () => ToolOutput, Expect][] = [
  ['7.81 GET to the terminal', () => curl('7.81.0', ['10.96.12.7']), { out: '<h1>hello</h1>\n', ms: 1 }],
  ['7.81 -v to the terminal', () => curl('7.81.0', ['-v', 'http://10.96.12.7/']), {
    out: '<h1>hello</h1>\n',
    err: `*   Trying 10.96.12.7:80...\n* Connected to 10.96.12.7 (10.96.12.7) port 80 (#0)\n${REQ('7.81.0')}* Mark bundle as not supporting multiuse\n${RESP}* Connection #0 to host 10.96.12.7 left intact\n`,
  }],
  ['7.81 piped: the progress meter on stderr', () => curl('7.81.0', ['10.96.12.7'], {}, false), {
    out: '<h1>hello</h1>\n', err: `${METER7}100    15  100    15    0     0  15000      0 --:--:-- --:--:-- --:--:-- 15000\n`,
  }],
  ['7.81 piped -v: meter and trace interleave', () => curl('7.81.0', ['-v', 'web'], {}, false), {
    out: '<h1>hello</h1>\n',
    err: `${METER7}${ZERO7}*   Trying 10.96.12.7:80...\n* Connected to web (10.96.12.7) port 80 (#0)\n${REQ('7.81.0', 'web')}* Mark bundle as not supporting multiuse\n${RESP}{ [15 bytes data]\n100    15  100    15    0     0  15000      0 --:--:-- --:--:-- --:--:-- 15000\n* Connection #0 to host web left intact\n`,
  }],
  ['7.81 refused', () => curl('7.81.0', ['10.96.0.5'], { outcome: 'refused' }), { err: 'curl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Connection refused\n', status: 7 }],
  ['7.81 refused, piped', () => curl('7.81.0', ['10.96.0.5'], { outcome: 'refused' }, false), {
    err: `${METER7}${ZERO7}\ncurl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Connection refused\n`, status: 7,
  }],
  ['7.81 -v refused', () => curl('7.81.0', ['-v', '10.96.0.5'], { outcome: 'refused' }), {
    err: '*   Trying 10.96.0.5:80...\n* connect to 10.96.0.5 port 80 failed: Connection refused\n* Failed to connect to 10.96.0.5 port 80 after 0 ms: Connection refused\n* Closing connection 0\ncurl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Connection refused\n', status: 7,
  }],
  ['7.81 --connect-timeout', () => curl('7.81.0', ['--connect-timeout', '5', '10.96.0.5'], { outcome: 'timeout', ms: 5000 }), { err: 'curl: (28) Connection timeout after 5001 ms\n', status: 28, ms: 5001 }],
  ['7.81 -m while connecting', () => curl('7.81.0', ['-m', '3', '10.96.0.5'], { outcome: 'timeout', ms: 3000 }), { err: 'curl: (28) Connection timed out after 3001 milliseconds\n', status: 28, ms: 3001 }],
  ['7.81 -m, piped: the last tick shows the time spent', () => curl('7.81.0', ['-m', '3', '10.96.0.5'], { outcome: 'timeout', ms: 3000 }, false), {
    err: `${METER7}  0     0    0     0    0     0      0      0 --:--:--  0:00:03 --:--:--     0\ncurl: (28) Connection timed out after 3001 milliseconds\n`, status: 28,
  }],
  ['7.81 the kernel gives up on the SYN', () => curl('7.81.0', ['10.96.0.5'], { outcome: 'timeout', ms: 130240 }), {
    err: 'curl: (28) Failed to connect to 10.96.0.5 port 80 after 130240 ms: Connection timed out\n', status: 28, ms: 130240,
  }],
  ['7.81 no route to host', () => curl('7.81.0', ['10.244.1.99'], { outcome: 'unreachable', ms: 3071 }), { err: 'curl: (7) Failed to connect to 10.244.1.99 port 80 after 3071 ms: No route to host\n', status: 7 }],
  ['7.81 network unreachable', () => curl('7.81.0', ['-v', '172.16.0.1'], { outcome: 'no-route' }), {
    err: "*   Trying 172.16.0.1:80...\n* Immediate connect fail for 172.16.0.1: Network is unreachable\n* Closing connection 0\ncurl: (7) Couldn't connect to server\n", status: 7,
  }],
  ['7.81 unknown name', () => curl('7.81.0', ['web'], { resolved: NX }), { err: 'curl: (6) Could not resolve host: web\n', status: 6 }],
  ['7.81 unknown name, piped: no newline after the meter', () => curl('7.81.0', ['web'], { resolved: NX }, false), { err: `${METER7}${ZERO7}curl: (6) Could not resolve host: web\n`, status: 6 }],
  ['-s hides the error, -S shows it', () => curl('7.81.0', ['-s', '10.96.0.5'], { outcome: 'refused' }), { status: 7 }],
  ['-sS', () => curl('7.81.0', ['-sS', '10.96.0.5'], { outcome: 'refused' }, false), { err: 'curl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Connection refused\n', status: 7 }],
  ['-I', () => curl('7.81.0', ['-I', 'web'], { answer: http(200, 'OK', '') }), { out: 'HTTP/1.1 200 OK\nServer: nginx/1.29.3\nContent-Type: text/html\nContent-Length: 0\n\n' }],
  ['-i', () => curl('7.81.0', ['-si', 'web']), { out: 'HTTP/1.1 200 OK\nServer: nginx/1.29.3\nContent-Type: text/html\nContent-Length: 15\n\n<h1>hello</h1>\n' }],
  ['-s -o /dev/null -w', () => curl('7.81.0', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{remote_ip}:%{remote_port} %{time_total}\\n', 'web:8080/x']), { out: '200 10.96.12.7:8080 0.001000\n' }],
  ['-w after a failure', () => curl('7.81.0', ['-sw', '%{http_code}', '10.96.0.5'], { outcome: 'refused' }), { out: '000', status: 7 }],
  ['-f on 404', () => curl('7.81.0', ['-f', 'web/nope'], { answer: http(404, 'Not Found', 'nope\n') }), { err: 'curl: (22) The requested URL returned error: 404\n', status: 22 }],
  ['a silent server', () => curl('7.81.0', ['10.244.2.3:6379'], { answer: { kind: 'open' } }), { err: 'curl: (52) Empty reply from server\n', status: 52 }],
  ['a silent server with -m', () => curl('7.81.0', ['-m', '2', '10.244.2.3:6379'], { answer: { kind: 'open' } }), { err: 'curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received\n', status: 28, ms: 2001 }],
  ['a reset', () => curl('7.81.0', ['10.244.2.3:9000'], { answer: { kind: 'refused' } }), { err: 'curl: (56) Recv failure: Connection reset by peer\n', status: 56 }],
  ['-H Host and -X', () => curl('7.81.0', ['-sv', '-X', 'POST', '-H', 'Host: shop.example', '-H', 'X-Trace: 1', '10.96.12.7']), {
    out: '<h1>hello</h1>\n',
    err: `*   Trying 10.96.12.7:80...\n* Connected to 10.96.12.7 (10.96.12.7) port 80 (#0)\n> POST / HTTP/1.1\n> Host: shop.example\n> User-Agent: curl/7.81.0\n> Accept: */*\n> X-Trace: 1\n> \n* Mark bundle as not supporting multiuse\n${RESP}* Connection #0 to host 10.96.12.7 left intact\n`,
  }],
  ['7.88 -v', () => curl('7.88.1', ['-v', '10.96.12.7']), {
    out: '<h1>hello</h1>\n', err: `*   Trying 10.96.12.7:80...\n* Connected to 10.96.12.7 (10.96.12.7) port 80 (#0)\n${REQ('7.88.1')}${RESP}* Connection #0 to host 10.96.12.7 left intact\n`,
  }],
  ['7.88 refused', () => curl('7.88.1', ['10.96.0.5'], { outcome: 'refused' }), { err: "curl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Couldn't connect to server\n", status: 7 }],
  ['7.88 --connect-timeout', () => curl('7.88.1', ['--connect-timeout', '2', '10.96.0.5'], { outcome: 'timeout', ms: 2000 }), { err: 'curl: (28) Failed to connect to 10.96.0.5 port 80 after 2001 ms: Timeout was reached\n', status: 28 }],
  ['7.88 -m', () => curl('7.88.1', ['-m', '2', '10.96.0.5'], { outcome: 'timeout', ms: 2000 }), { err: 'curl: (28) Connection timed out after 2001 milliseconds\n', status: 28 }],
  ['8.17 -v with a name', () => curl('8.17.0', ['-v', 'web']), {
    out: '<h1>hello</h1>\n',
    err: `* Host web:80 was resolved.\n* IPv6: (none)\n* IPv4: 10.96.12.7\n*   Trying 10.96.12.7:80...\n* Established connection to web (10.96.12.7 port 80) from 10.244.1.7 port 43210 \n* using HTTP/1.x\n${REQ('8.17.0', 'web')}* Request completely sent off\n${RESP}* Connection #0 to host web:80 left intact\n`,
  }],
  ['8.17 piped', () => curl('8.17.0', ['web'], {}, false), { out: '<h1>hello</h1>\n', err: `${METER7}100    15 100    15   0     0 15000     0  --:--:-- --:--:-- --:--:-- 15000\n` }],
  ['8.17 -v refused, piped', () => curl('8.17.0', ['-v', '10.96.0.5'], { outcome: 'refused' }, false), {
    err: `*   Trying 10.96.0.5:80...\n${METER7}${ZERO8}* connect to 10.96.0.5 port 80 from 10.244.1.7 port 43210 failed: Connection refused\n* Failed to connect to 10.96.0.5 port 80 after 0 ms: Could not connect to server\n${ZERO8}\n* closing connection #0\ncurl: (7) Failed to connect to 10.96.0.5 port 80 after 0 ms: Could not connect to server\n`, status: 7,
  }],
  ['8.17 -m', () => curl('8.17.0', ['-m', '2', '10.96.0.5'], { outcome: 'timeout', ms: 2000 }), { err: 'curl: (28) Failed to connect to 10.96.0.5 port 80 after 2001 ms: Timeout was reached\n', status: 28 }],
  ['8.17 kernel timeout', () => curl('8.17.0', ['10.96.0.5'], { outcome: 'timeout', ms: 130240 }), { err: 'curl: (28) Failed to connect to 10.96.0.5 port 80 after 130240 ms: Could not connect to server\n', status: 28 }],
  ['no arguments', () => curl('7.81.0', []), { err: HINT, status: 2 }],
  ['7.81 no URL', () => curl('7.81.0', ['-s']), { err: `curl: no URL specified!\n${HINT}`, status: 2 }],
  ['8.17 no URL', () => curl('8.17.0', ['-v']), { err: `curl: (2) no URL specified\n${HINT}`, status: 2 }],
  ['unknown option', () => curl('7.81.0', ['--nope', 'web']), { err: `curl: option --nope: is unknown\n${HINT}`, status: 2 }],
  ['missing parameter', () => curl('7.81.0', ['web', '-o']), { err: `curl: option -o: requires parameter\n${HINT}`, status: 2 }],
  ['bad number', () => curl('7.81.0', ['-m', 'soon', 'web']), { err: `curl: option -m: expected a proper numerical parameter\n${HINT}`, status: 2 }],
  ['7.81 bad URL', () => curl('7.81.0', ['http://']), { err: 'curl: (3) URL using bad/illegal format or missing URL\n', status: 3 }],
  ['8.17 bad URL', () => curl('8.17.0', ['http://']), { err: 'curl: (3) URL rejected: No host part in the URL\n', status: 3 }],
  ['unsupported scheme', () => curl('7.81.0', ['gopher://web/']), { err: 'curl: (1) Protocol "gopher" not supported or disabled in libcurl\n', status: 1 }],
];

for (const [name, run, expect] of CURL) test(`curl: ${name}`, () => check(run(), expect));

test('curl -o FILE saves the body and shows the meter on a terminal', () => {
  const o = curl('7.81.0', ['-o', 'page.html', 'web']);
  assert.deepEqual(o.file, { path: 'page.html', content: '<h1>hello</h1>\n' });
  check(o, { err: `${METER7}100    15  100    15    0     0  15000      0 --:--:-- --:--:-- --:--:-- 15000\n` });
});

test('curl -L follows a redirect', () => {
  const pre = curlPreflight('7.81.0', ['-L', 'web/docs']);
  assert.ok(pre.ok);
  const first: CurlHop = { url: pre.url, resolved: { ok: true, ip: WEB.ip }, result: conn('connected'), answer: http(301, 'Moved Permanently', 'moved\n', [['Location', 'http://web/docs/']]) };
  const second: CurlHop = { url: url('http://web/docs/'), resolved: { ok: true, ip: WEB.ip }, result: conn('connected'), answer: HELLO };
  check(formatCurl({ version: '7.81.0', opts: pre.opts, stdoutTty: true, hops: [first, second] }), { out: '<h1>hello</h1>\n', ms: 2 });
});

test('curl -v interleaves stdout and stderr in the order curl writes them', () => {
  const o = curl('7.81.0', ['-v', '10.96.12.7']);
  assert.deepEqual(o.chunks.map((c) => c.fd), [2, 1, 2]);
});

const START = utcMillis(2026, 1, 5, 9, 10, 0);
const HTML_615 = http(200, 'OK', 'x'.repeat(1234));

function wget(impl: 'gnu' | 'busybox', args: string[], steps: Partial<WgetStep>[] = [{}], exists: string[] = []): ToolOutput {
  const parsed = parseWgetArgs(impl, args);
  if (!parsed.ok) return parsed.out;
  const full = steps.map((s): WgetStep => {
    const outcome = s.result?.outcome ?? 'connected';
    return { url: url(parsed.opts.url), resolved: WEB, result: conn(outcome), ...(outcome === 'connected' ? { answer: HELLO } : {}), ...s };
  });
  const run = { opts: parsed.opts, steps: full, startMs: START, exists: (n: string) => exists.includes(n) };
  return impl === 'gnu' ? formatGnuWget(run) : formatBusyboxWget(run);
}

const BB_BAR = (name: string): string => `${name.padEnd(20)} 100% |********************************|    15  0:00:00 ETA\n`;
const GNU_HEAD = '--2026-01-05 09:10:00--  http://web/\nResolving web (web)... 10.96.12.7\nConnecting to web (web)|10.96.12.7|:80... ';
const GNU_HINT = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

const WGET: [string, () => ToolOutput, Expect][] = [
  ['busybox -qO-', () => wget('busybox', ['-qO-', 'http://web']), { out: '<h1>hello</h1>\n', ms: 1 }],
  ['busybox -O -', () => wget('busybox', ['-O', '-', 'web']), {
    out: '<h1>hello</h1>\n', err: `Connecting to web (10.96.12.7:80)\nwriting to stdout\n${BB_BAR('-')}written to stdout\n`,
  }],
  ['busybox saves index.html', () => wget('busybox', ['web:8080/']), {
    err: `Connecting to web:8080 (10.96.12.7:8080)\nsaving to 'index.html'\n${BB_BAR('index.html')}'index.html' saved\n`,
  }],
  ['busybox will not overwrite', () => wget('busybox', ['web'], [{}], ['index.html']), {
    err: "Connecting to web (10.96.12.7:80)\nwget: can't open 'index.html': File exists\n", status: 1,
  }],
  ['busybox -T fires while connecting', () => wget('busybox', ['-T', '2', 'web'], [{ result: conn('timeout', 2000) }]), {
    err: 'Connecting to web (10.96.12.7:80)\nwget: download timed out\n', status: 1, ms: 2000,
  }],
  ['busybox refused', () => wget('busybox', ['-q', '-O-', 'web'], [{ result: conn('refused') }]), { err: "wget: can't connect to remote host (10.96.12.7): Connection refused\n", status: 1 }],
  ['busybox no route', () => wget('busybox', ['web'], [{ result: conn('unreachable', 3000) }]), {
    err: "Connecting to web (10.96.12.7:80)\nwget: can't connect to remote host (10.96.12.7): No route to host\n", status: 1,
  }],
  ['busybox bad address', () => wget('busybox', ['-qO-', 'web'], [{ resolved: NX }]), { err: "wget: bad address 'web'\n", status: 1 }],
  ['busybox 404', () => wget('busybox', ['-qO-', 'web/x'], [{ answer: http(404, 'Not Found', '') }]), { err: 'wget: server returned error: HTTP/1.1 404 Not Found\n', status: 1 }],
  ['busybox empty answer', () => wget('busybox', ['-qO-', 'web'], [{ answer: { kind: 'open' } }]), { err: 'wget: error getting response\n', status: 1 }],
  ['busybox --spider', () => wget('busybox', ['--spider', 'web']), { err: 'Connecting to web (10.96.12.7:80)\nremote file exists\n' }],
  ['gnu saves index.html', () => wget('gnu', ['http://10.96.12.7/']), {
    err: "--2026-01-05 09:10:00--  http://10.96.12.7/\nConnecting to 10.96.12.7:80... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: 15 [text/html]\nSaving to: ‘index.html’\n\nindex.html          100%[===================>]      15  --.-KB/s    in 0s      \n\n2026-01-05 09:10:00 (1.43 MB/s) - ‘index.html’ saved [15/15]\n\n",
  }],
  ['gnu -O - with a name and a bigger page', () => wget('gnu', ['-O', '-', 'web'], [{ answer: HTML_615 }]), {
    out: 'x'.repeat(1234),
    err: `${GNU_HEAD}connected.\nHTTP request sent, awaiting response... 200 OK\nLength: 1234 (1.2K) [text/html]\nSaving to: ‘STDOUT’\n\n-                   100%[===================>]   1.21K  --.-KB/s    in 0s      \n\n2026-01-05 09:10:00 (118 MB/s) - written to stdout [1234/1234]\n\n`,
  }],
  ['gnu picks index.html.1', () => wget('gnu', ['-q', 'web'], [{}], ['index.html']), {}],
  ['gnu -q prints nothing', () => wget('gnu', ['-qO-', 'web']), { out: '<h1>hello</h1>\n' }],
  ['gnu refused', () => wget('gnu', ['web'], [{ result: conn('refused') }]), { err: `${GNU_HEAD}failed: Connection refused.\n`, status: 4 }],
  ['gnu no route', () => wget('gnu', ['web'], [{ result: conn('unreachable', 3000) }]), { err: `${GNU_HEAD}failed: No route to host.\n`, status: 4, ms: 3000 }],
  ['gnu unknown name', () => wget('gnu', ['web'], [{ resolved: NX }]), {
    err: '--2026-01-05 09:10:00--  http://web/\nResolving web (web)... failed: Name or service not known.\nwget: unable to resolve host address ‘web’\n', status: 4,
  }],
  ['gnu retries a timeout', () => wget('gnu', ['-t', '2', '-T', '1', 'web'], [{ result: conn('timeout', 1000) }, { result: conn('timeout', 1000), retry: true }]), {
    err: `${GNU_HEAD}failed: Connection timed out.\nRetrying.\n\n--2026-01-05 09:10:02--  (try: 2)  http://web/\nConnecting to web (web)|10.96.12.7|:80... failed: Connection timed out.\nGiving up.\n\n`, status: 4, ms: 3000,
  }],
  ['gnu 404', () => wget('gnu', ['web'], [{ answer: http(404, 'Not Found', '') }]), {
    err: `${GNU_HEAD}connected.\nHTTP request sent, awaiting response... 404 Not Found\n2026-01-05 09:10:00 ERROR 404: Not Found.\n\n`, status: 8,
  }],
  ['gnu follows a redirect', () => wget('gnu', ['-qO-', 'web/docs'], [{ answer: http(301, 'Moved Permanently', '', [['Location', 'http://web/docs/']]) }, { url: url('http://web/docs/') }]), { out: '<h1>hello</h1>\n' }],
  ['gnu missing URL', () => wget('gnu', []), { err: `wget: missing URL\n${GNU_HINT}`, status: 1 }],
  ['gnu unknown option', () => wget('gnu', ['--nope', 'web']), { err: `wget: unrecognized option '--nope'\n${GNU_HINT}`, status: 2 }],
  ['busybox unknown option', () => wget('busybox', ['-z', 'web']), { err: "wget: invalid option -- 'z'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n\n\t--spider\tOnly check URL existence: $? is 0 if exists\n\t--header STR\tAdd STR (of form 'header: value') to headers\n\t--post-data STR\tSend STR using POST method\n\t--post-file FILE\tSend FILE using POST method\n\t--no-check-certificate\tDon't validate the server's certificate\n\t-c\t\tContinue retrieval of aborted transfer\n\t-q\t\tQuiet\n\t-P DIR\t\tSave to DIR (default .)\n\t-S    \t\tShow server response\n\t-T SEC\t\tNetwork read timeout is SEC seconds\n\t-O FILE\t\tSave to FILE ('-' for stdout)\n\t-o LOGFILE\tLog messages to FILE\n\t-U STR\t\tUse STR for User-Agent header\n\t-Y on/off\tUse proxy\n", status: 1 }],
];

for (const [name, run, expect] of WGET) test(`wget: ${name}`, () => check(run(), expect));

test('wget: GNU names the second download index.html.1', () => {
  assert.equal(wget('gnu', ['-q', 'web'], [{}], ['index.html']).file?.path, 'index.html.1');
  assert.equal(wget('busybox', ['-q', '-O', 'out.html', 'web']).file?.path, 'out.html');
});

function nc(impl: NcRun['impl'], args: string[], run: Partial<NcRun> & { outcome?: ConnectOutcome; ms?: number } = {}): ToolOutput {
  const parsed = parseNcArgs(impl, args);
  if (!parsed.ok) return parsed.out;
  return formatNc({ impl, opts: parsed.opts, resolved: { ok: true, ip: '10.96.0.5' }, result: conn(run.outcome ?? 'connected', run.ms ?? 0), ...run });
}

const NC_USAGE = 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n';

const NC: [string, () => ToolOutput, Expect][] = [
  ['openbsd -zv open', () => nc('openbsd', ['-zv', '10.96.0.5', '80']), { err: 'Connection to 10.96.0.5 80 port [tcp/http] succeeded!\n' }],
  ['openbsd -z alone is silent', () => nc('openbsd', ['-z', '10.96.0.5', '8080']), {}],
  ['openbsd unknown service name', () => nc('openbsd', ['-zv', '10.96.0.5', '9376']), { err: 'Connection to 10.96.0.5 9376 port [tcp/*] succeeded!\n' }],
  ['openbsd refused', () => nc('openbsd', ['-zv', '10.96.0.5', '80'], { outcome: 'refused' }), { err: 'nc: connect to 10.96.0.5 port 80 (tcp) failed: Connection refused\n', status: 1 }],
  ['openbsd -w fires', () => nc('openbsd', ['-zv', '-w', '2', '10.96.0.5', '80'], { outcome: 'timeout', ms: 2000 }), {
    err: 'nc: connect to 10.96.0.5 port 80 (tcp) timed out: Operation now in progress\n', status: 1, ms: 2000,
  }],
  ['openbsd kernel timeout', () => nc('openbsd', ['-zv', '10.96.0.5', '80'], { outcome: 'timeout', ms: 130240 }), { err: 'nc: connect to 10.96.0.5 port 80 (tcp) failed: Connection timed out\n', status: 1, ms: 130240 }],
  ['openbsd no route', () => nc('openbsd', ['-zv', '10.96.0.5', '80'], { outcome: 'unreachable', ms: 3000 }), { err: 'nc: connect to 10.96.0.5 port 80 (tcp) failed: No route to host\n', status: 1 }],
  ['openbsd UDP answered', () => nc('openbsd', ['-zvu', '10.96.0.10', '53']), { err: 'Connection to 10.96.0.10 53 port [udp/domain] succeeded!\n', ms: 3000 }],
  ['openbsd UDP port unreachable is silent', () => nc('openbsd', ['-zvu', '10.96.0.10', '53'], { outcome: 'refused' }), { status: 1, ms: 3000 }],
  ['openbsd unknown name', () => nc('openbsd', ['-zv', 'web', '80'], { resolved: NX }), { err: 'nc: getaddrinfo for host "web" port 80: Name or service not known\n', status: 1 }],
  ['openbsd a typed request is answered', () => nc('openbsd', ['10.96.0.5', '80'], { answer: HELLO }), {
    out: 'HTTP/1.1 200 OK\nServer: nginx/1.29.3\nContent-Type: text/html\nContent-Length: 15\n\n<h1>hello</h1>\n',
  }],
  ['openbsd usage', () => nc('openbsd', ['-zv', 'web']), { err: NC_USAGE, status: 1 }],
  ['openbsd bad option', () => nc('openbsd', ['-Q', 'web', '80']), { err: `nc: invalid option -- 'Q'\n${NC_USAGE}`, status: 1 }],
  ['busybox -zv open', () => nc('busybox', ['-zv', '10.96.0.5', '80']), { err: '10.96.0.5 (10.96.0.5:80) open\n' }],
  ['busybox -v hides a refusal', () => nc('busybox', ['-zv', '10.96.0.5', '80'], { outcome: 'refused' }), { status: 1 }],
  ['busybox -vv shows it', () => nc('busybox', ['-zvv', '10.96.0.5', '80'], { outcome: 'refused' }), { err: 'nc: 10.96.0.5 (10.96.0.5:80): Connection refused\nsent 0, rcvd 0\n', status: 1 }],
  ['busybox -w fires', () => nc('busybox', ['-zv', '-w', '1', '10.96.0.5', '80'], { outcome: 'timeout', ms: 1000 }), { err: 'nc: 10.96.0.5 (10.96.0.5:80): Connection timed out\n', status: 1, ms: 1000 }],
  ['busybox bad address', () => nc('busybox', ['-zv', 'web', '80'], { resolved: NX }), { err: "nc: bad address 'web'\n", status: 1 }],
];

for (const [name, run, expect] of NC) test(`nc: ${name}`, () => check(run(), expect));

const reply = (rttMs: number, ttl = 63): PingProbe => ({ outcome: 'reply', ttl, rttMs });
const ping = (r: Partial<PingRun>): ToolOutput => formatPing({ impl: 'iputils', target: '10.244.2.3', ip: '10.244.2.3', probes: [], quiet: false, interrupted: false, ...r });

const PING: [string, () => ToolOutput, Expect][] = [
  ['iputils replies', () => ping({ count: 3, probes: [reply(0.412), reply(0.389), reply(0.455)] }), {
    out: 'PING 10.244.2.3 (10.244.2.3) 56(84) bytes of data.\n64 bytes from 10.244.2.3: icmp_seq=1 ttl=63 time=0.412 ms\n64 bytes from 10.244.2.3: icmp_seq=2 ttl=63 time=0.389 ms\n64 bytes from 10.244.2.3: icmp_seq=3 ttl=63 time=0.455 ms\n\n--- 10.244.2.3 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 2002ms\nrtt min/avg/max/mdev = 0.389/0.418/0.455/0.027 ms\n',
    ms: 2001,
  }],
  ['iputils a ClusterIP never answers', () => ping({ target: '10.96.0.1', ip: '10.96.0.1', count: 2, probes: [{ outcome: 'lost' }, { outcome: 'lost' }] }), {
    out: 'PING 10.96.0.1 (10.96.0.1) 56(84) bytes of data.\n\n--- 10.96.0.1 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1043ms\n\n', status: 1, ms: 11000,
  }],
  ['iputils host unreachable', () => ping({ target: '10.244.1.99', ip: '10.244.1.99', count: 3, probes: [1, 2, 3].map((): PingProbe => ({ outcome: 'unreachable', from: '10.244.1.7' })) }), {
    out: 'PING 10.244.1.99 (10.244.1.99) 56(84) bytes of data.\nFrom 10.244.1.7 icmp_seq=1 Destination Host Unreachable\nFrom 10.244.1.7 icmp_seq=2 Destination Host Unreachable\nFrom 10.244.1.7 icmp_seq=3 Destination Host Unreachable\n\n--- 10.244.1.99 ping statistics ---\n3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2043ms\npipe 3\n', status: 1, ms: 3000,
  }],
  ['iputils a name, one reply lost, -q', () => ping({ target: 'web-0.web', canonical: 'web-0.web.default.svc.cluster.local', count: 3, quiet: true, probes: [reply(0.05, 64), { outcome: 'lost' }, reply(1.234, 64)] }), {
    out: 'PING web-0.web.default.svc.cluster.local (10.244.2.3) 56(84) bytes of data.\n\n--- web-0.web.default.svc.cluster.local ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 2002ms\nrtt min/avg/max/mdev = 0.050/0.642/1.234/0.592 ms\n',
  }],
  ['iputils a name, replies from the numeric address', () => ping({ target: 'web-0.web', canonical: 'web-0.web.default.svc.cluster.local', count: 1, probes: [reply(12.5)] }), {
    out: 'PING web-0.web.default.svc.cluster.local (10.244.2.3) 56(84) bytes of data.\n64 bytes from 10.244.2.3 (10.244.2.3): icmp_seq=1 ttl=63 time=12.5 ms\n\n--- web-0.web.default.svc.cluster.local ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 12.500/12.500/12.500/0.000 ms\n',
  }],
  ['iputils until Ctrl-C', () => ping({ interrupted: true, probes: [reply(0.041, 64), reply(0.043, 64)] }), {
    out: 'PING 10.244.2.3 (10.244.2.3) 56(84) bytes of data.\n64 bytes from 10.244.2.3: icmp_seq=1 ttl=64 time=0.041 ms\n64 bytes from 10.244.2.3: icmp_seq=2 ttl=64 time=0.043 ms\n^C\n--- 10.244.2.3 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1002ms\nrtt min/avg/max/mdev = 0.041/0.042/0.043/0.001 ms\n', ms: 2000,
  }],
  ['iputils -w deadline short of -c', () => ping({ count: 3, deadlineMs: 2000, probes: [reply(0.4), { outcome: 'lost' }] }), {
    out: 'PING 10.244.2.3 (10.244.2.3) 56(84) bytes of data.\n64 bytes from 10.244.2.3: icmp_seq=1 ttl=63 time=0.400 ms\n\n--- 10.244.2.3 ping statistics ---\n2 packets transmitted, 1 received, 50% packet loss, time 1002ms\nrtt min/avg/max/mdev = 0.400/0.400/0.400/0.000 ms\n',
    status: 1, ms: 2000,
  }],
  ['busybox replies', () => ping({ impl: 'busybox', target: 'web-0.web', count: 2, probes: [reply(0.412), reply(0.389)] }), {
    out: 'PING web-0.web (10.244.2.3): 56 data bytes\n64 bytes from 10.244.2.3: seq=0 ttl=63 time=0.412 ms\n64 bytes from 10.244.2.3: seq=1 ttl=63 time=0.389 ms\n\n--- web-0.web ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = 0.389/0.400/0.412 ms\n',
  }],
  ['busybox nothing back', () => ping({ impl: 'busybox', target: '10.96.0.1', ip: '10.96.0.1', count: 1, probes: [{ outcome: 'unreachable' }] }), {
    out: 'PING 10.96.0.1 (10.96.0.1): 56 data bytes\n\n--- 10.96.0.1 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n', status: 1,
  }],
];

for (const [name, run, expect] of PING) test(`ping: ${name}`, () => check(run(), expect));

test('ping: resolve failures and bad arguments', () => {
  assert.deepEqual(pingResolveError('iputils', 'web', 'nxdomain'), { text: 'ping: web: Name or service not known\n', status: 2 });
  assert.deepEqual(pingResolveError('iputils', 'web', 'timeout'), { text: 'ping: web: Temporary failure in name resolution\n', status: 2 });
  assert.deepEqual(pingResolveError('busybox', 'web', 'nxdomain'), { text: "ping: bad address 'web'\n", status: 1 });
  const bad = (impl: 'iputils' | 'busybox', args: string[]): Expect => { const r = parsePingArgs(impl, args); assert.ok(!r.ok); return streams(r.out); };
  assert.deepEqual(bad('iputils', []), { out: '', err: 'ping: usage error: Destination address required\n', status: 1, ms: 0 });
  assert.deepEqual(bad('iputils', ['-c', 'x', 'web']), { out: '', err: "ping: invalid argument: 'x'\n", status: 1, ms: 0 });
  assert.deepEqual(bad('iputils', ['-c', '0', 'web']), { out: '', err: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", status: 1, ms: 0 });
  assert.match(bad('iputils', ['-z', 'web']).err!, /^ping: invalid option -- 'z'\n\nUsage\n {2}ping \[options\] <destination>\n/);
  assert.deepEqual(bad('busybox', ['-c', 'x', 'web']), { out: '', err: "ping: invalid number 'x'\n", status: 1, ms: 0 });
  const ok = parsePingArgs('iputils', ['-c', '2', '-W', '0.5', '-q', 'web']);
  assert.ok(ok.ok);
  assert.deepEqual(ok.opts, { target: 'web', count: 2, waitMs: 500, quiet: true });
});

const telnet = (impl: TelnetRun['impl'], r: Partial<TelnetRun>): ToolOutput =>
  formatTelnet({ impl, host: '10.96.0.5', port: 80, resolved: { ok: true, ip: '10.96.0.5', canonical: '10.96.0.5' }, result: conn('connected'), ...r });

const TELNET: [string, () => ToolOutput, Expect][] = [
  ['netkit connected', () => telnet('netkit', {}), { out: "Trying 10.96.0.5...\nConnected to 10.96.0.5.\nEscape character is '^]'.\n", err: 'Connection closed by foreign host.\n', status: 1 }],
  ['netkit a typed request', () => telnet('netkit', { host: 'web', resolved: WEB, answer: HELLO }), {
    out: "Trying 10.96.12.7...\nConnected to web.default.svc.cluster.local.\nEscape character is '^]'.\nHTTP/1.1 200 OK\nServer: nginx/1.29.3\nContent-Type: text/html\nContent-Length: 15\n\n<h1>hello</h1>\n",
    err: 'Connection closed by foreign host.\n', status: 1,
  }],
  ['netkit refused', () => telnet('netkit', { result: conn('refused') }), { out: 'Trying 10.96.0.5...\n', err: 'telnet: Unable to connect to remote host: Connection refused\n', status: 1 }],
  ['netkit timed out', () => telnet('netkit', { result: conn('timeout', 130240) }), { out: 'Trying 10.96.0.5...\n', err: 'telnet: Unable to connect to remote host: Connection timed out\n', status: 1, ms: 130240 }],
  ['netkit unknown name', () => telnet('netkit', { host: 'web', resolved: NX }), { err: 'telnet: could not resolve web/80: Name or service not known\n', status: 1 }],
  ['busybox connected', () => telnet('busybox', { host: 'web', resolved: WEB }), { out: 'Connected to web\n' }],
  ['busybox refused', () => telnet('busybox', { result: conn('refused') }), { err: "telnet: can't connect to remote host (10.96.0.5): Connection refused\n", status: 1 }],
  ['busybox bad address', () => telnet('busybox', { host: 'web', resolved: NX }), { err: "telnet: bad address 'web'\n", status: 1 }],
];

for (const [name, run, expect] of TELNET) test(`telnet: ${name}`, () => check(run(), expect));

test('telnet: arguments', () => {
  assert.deepEqual(parseTelnetArgs('netkit', ['web', '8080']), { ok: true, host: 'web', port: 8080 });
  assert.deepEqual(parseTelnetArgs('busybox', ['web']), { ok: true, host: 'web', port: 23 });
});

test('which images have which tools', () => {
  const names = (image: string): string => Object.entries(imageTools(image)).map(([t, f]) => `${t}:${'version' in f ? f.version : f.impl}`).sort().join(' ');
  assert.equal(names('busybox:1.28'), 'nc:busybox ping:busybox telnet:busybox wget:busybox');
  assert.equal(names('alpine:3.20'), 'nc:busybox ping:busybox wget:busybox');
  assert.equal(names('curlimages/curl'), 'curl:8.17.0 nc:busybox ping:busybox wget:busybox');
  assert.equal(names('nicolaka/netshoot:v0.14'), 'curl:8.17.0 nc:openbsd ping:iputils telnet:busybox wget:busybox');
  assert.equal(names('nginx:1.29'), 'curl:7.88.1');
  assert.equal(names('registry.k8s.io/e2e-test-images/agnhost:2.53'), '');
});
