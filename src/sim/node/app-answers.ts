// What the catalogue's applications answer to one HTTP request: nginx's and httpd's default pages,
// the seeds' Flask hostname page, the teaching images' echo and hostname servers. Pure functions of
// the request; the texts are what the images serve (nginx 1.2x, httpd 2.4, flask_test 0.10).
// Left out: keep-alive, chunked bodies, request bodies, and any path the lessons do not use.
import { utcFields } from '../clock.js';
import type { AppAnswer, AppRequest } from './catalogue.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATUS_TEXT: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found' };
const pad = (n: number): string => String(n).padStart(2, '0');

/** An HTTP Date header value (RFC 7231 IMF-fixdate): "Mon, 05 Jan 2026 09:00:00 GMT". */
export function httpDate(ms: number): string {
  const f = utcFields(ms);
  return `${WEEKDAYS[f.weekday]}, ${pad(f.d)} ${MONTHS[f.m - 1]} ${f.y} ${pad(f.h)}:${pad(f.mi)}:${pad(f.s)} GMT`;
}

/** C's ctime() as Python's time.ctime() prints it: "Mon Jan  5 09:00:00 2026". */
export function ctime(ms: number): string {
  const f = utcFields(ms);
  return `${WEEKDAYS[f.weekday]} ${MONTHS[f.m - 1]} ${String(f.d).padStart(2, ' ')} ${pad(f.h)}:${pad(f.mi)}:${pad(f.s)} ${f.y}`;
}

/** An HTTP answer; a HEAD request gets the same headers and no body. */
export function httpAnswer(req: AppRequest, status: number, headers: [string, string][], body: string): AppAnswer {
  const isHead = req.http?.method.toUpperCase() === 'HEAD';
  return { kind: 'http', status, statusText: STATUS_TEXT[status] ?? '', headers, body: isHead ? '' : body };
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's default server: the welcome page at / and /index.html, its 404 page elsewhere. */
export function nginxAnswer(req: AppRequest, version: string): AppAnswer {
  const path = (req.http?.path ?? '/').split('?')[0];
  const date: [string, string] = ['Date', httpDate(req.now)];
  if (path === '/' || path === '/index.html') {
    return httpAnswer(req, 200, [
      ['Server', `nginx/${version}`], date, ['Content-Type', 'text/html'], ['Content-Length', String(NGINX_WELCOME.length)],
      ['Last-Modified', 'Wed, 16 Apr 2025 12:01:11 GMT'], ['Connection', 'keep-alive'], ['ETag', '"67ffa8c7-267"'], ['Accept-Ranges', 'bytes'],
    ], NGINX_WELCOME);
  }
  const body = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
  return httpAnswer(req, 404, [['Server', `nginx/${version}`], date, ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body);
}

/** Apache httpd's default document root: "It works!". */
export function httpdAnswer(req: AppRequest, version: string): AppAnswer {
  const body = '<html><body><h1>It works!</h1></body></html>\n';
  return httpAnswer(req, 200, [
    ['Date', httpDate(req.now)], ['Server', `Apache/${version} (Unix)`], ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
    ['ETag', '"2d-432a5e4a73a80"'], ['Accept-Ranges', 'bytes'], ['Content-Length', String(body.length)], ['Content-Type', 'text/html'],
  ], body);
}

/** The seeds' Flask page (salterje/flask_test): hostname, pod IP, the node kernel's build, the time and two env values. */
export function flaskHostnameAnswer(req: AppRequest, version: string): AppAnswer {
  const env = (k: string): string => req.env[k] ?? 'None';
  const body = `<!DOCTYPE html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8">
    <title>This is my App</title>
    <link rel="stylesheet" href="/static/css/main.css"
  </head>
  <body>
    <h1 class="logo">Welcome to Jason's Test Site V${version}  </h1>
    <p>Hostname: ${req.pod.name}</p>
    <p>IP Address: ${req.pod.ip}</p>
    <p>OS Type: ${req.kernelBuild} </p>
    <br>
    <p>Current Time & Date: ${ctime(req.now)} </p>
    <br>
    <p> This is a table of environmental values: </p>
    <table>
      <tr>
        <th>KEY</th>
        <th>VALUE</th>
      </tr>
        <td> KEY1 </td>
        <td> ${env('KEY1')} </td>
      </tr>
    </tr>
      <td> KEY2 </td>
      <td> ${env('KEY2')} </td>
    </tr>
    </table>


  </body>`;
  return httpAnswer(req, 200, [
    ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)], ['Server', 'Werkzeug/1.0.1 Python/3.8.5'], ['Date', httpDate(req.now)],
  ], body);
}

const WEBAPP_COLORS: Record<string, string> = {
  red: '#e74c3c', green: '#16a085', blue: '#2980b9', blue2: '#30336b', pink: '#be2edd', darkblue: '#130f40',
};

/** kodekloud/webapp-color: a coloured page greeting from the pod; APP_COLOR picks the colour (else one per pod). */
export function webappColorAnswer(req: AppRequest): AppAnswer {
  const names = Object.keys(WEBAPP_COLORS);
  let hash = 0;
  for (const ch of req.pod.name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const color = WEBAPP_COLORS[req.env['APP_COLOR'] ?? ''] ?? WEBAPP_COLORS[names[hash % names.length]!]!;
  const body = `<!doctype html>\n<title>Hello from Flask</title>\n<body style="background: ${color};"></body>\n<div style="color: #e4e4e4;\n    text-align:  center;\n    height: 90px;\n    vertical-align:  middle;">\n\n  <h1>Hello from ${req.pod.name}!</h1>\n\n  \n\n</div>`;
  return httpAnswer(req, 200, [['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)], ['Server', 'Werkzeug/0.14.1 Python/3.6.6'], ['Date', httpDate(req.now)]], body);
}

/** A plain-text answer (agnhost, http-echo, health endpoints). */
export function textAnswer(req: AppRequest, body: string, extra: [string, string][] = []): AppAnswer {
  return httpAnswer(req, 200, [...extra, ['Date', httpDate(req.now)], ['Content-Length', String(body.length)], ['Content-Type', 'text/plain; charset=utf-8']], body);
}

/** agnhost netexec: / tells the time, /hostname the pod name, /clientip the caller, /echo?msg= echoes. */
export function netexecAnswer(req: AppRequest): AppAnswer {
  const [path, query = ''] = (req.http?.path ?? '/').split('?');
  const f = utcFields(req.now);
  switch (path) {
    case '/hostname': return textAnswer(req, req.pod.name);
    case '/clientip': return textAnswer(req, `${req.client.ip}:${req.client.port}`);
    case '/echo': return textAnswer(req, decodeURIComponent(new URLSearchParams(query).get('msg') ?? ''));
    case '/healthz': return textAnswer(req, '');
    default: return textAnswer(req, `NOW: ${f.y}-${pad(f.m)}-${pad(f.d)} ${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}.000000000 +0000 UTC`);
  }
}

/** jmalloc/echo-server: who served the request, then the request line and headers. */
export function jmallocEchoAnswer(req: AppRequest): AppAnswer {
  const h = req.http;
  const headers = (h?.headers ?? []).filter(([k]) => k.toLowerCase() !== 'host').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const host = h?.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? `${req.pod.ip}:${req.port}`;
  const lines = [`Request served by ${req.pod.name}`, '', `HTTP/1.1 ${h?.method ?? 'GET'} ${h?.path ?? '/'}`, '', `Host: ${host}`, ...headers.map(([k, v]) => `${k}: ${v}`)];
  return textAnswer(req, `${lines.join('\n')}\n`);
}

/** ealen/echo-server: the request, the host and the environment as JSON. */
export function ealenEchoAnswer(req: AppRequest): AppAnswer {
  const h = req.http;
  const body = JSON.stringify({
    host: { hostname: req.pod.name, ip: `::ffff:${req.client.ip}`, ips: [] },
    http: { method: h?.method ?? 'GET', baseUrl: '', originalUrl: h?.path ?? '/', protocol: 'http' },
    request: { params: { '0': (h?.path ?? '/').split('?')[0] }, query: {}, cookies: {}, body: {}, headers: Object.fromEntries((h?.headers ?? []).map(([k, v]) => [k.toLowerCase(), v])) },
    environment: { HOSTNAME: req.pod.name, ...req.env },
  });
  return httpAnswer(req, 200, [['Content-Type', 'application/json; charset=utf-8'], ['Content-Length', String(body.length)], ['Date', httpDate(req.now)]], body);
}

/** Go's TLS listener answering plain HTTP (kube-apiserver, etcd, the controller-manager, the scheduler). */
export function tlsOnlyAnswer(req: AppRequest): AppAnswer {
  if (!req.http) return { kind: 'open' };
  return httpAnswer(req, 400, [], 'Client sent an HTTP request to an HTTPS server.\n');
}
