// curl -w/--write-out (src/tool_writeout.c): `%{variable}` replaced after the transfer, `\n`, `\r`,
// `\t` and `\\` unescaped, `%%` a percent sign. Written to stdout even when the transfer failed
// (http_code is then 000). Only the variables a learner checks a Service with are known.

/** What the transfer left for -w to print. */
export interface WriteOutInfo {
  httpCode: number;
  remoteIp: string;
  remotePort: number;
  totalMs: number;
  connectMs: number;
  sizeDownload: number;
  urlEffective: string;
  contentType?: string;
  exitCode: number;
  errorMessage: string;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(6);

function variable(name: string, w: WriteOutInfo): string | undefined {
  switch (name) {
    case 'http_code':
    case 'response_code': return String(w.httpCode).padStart(3, '0');
    case 'remote_ip': return w.remoteIp;
    case 'remote_port': return w.remotePort ? String(w.remotePort) : '';
    case 'time_total': return seconds(w.totalMs);
    case 'time_connect': return seconds(w.connectMs);
    case 'size_download': return String(w.sizeDownload);
    case 'url_effective': return w.urlEffective;
    case 'content_type': return w.contentType ?? '';
    case 'num_connects': return w.remoteIp ? '1' : '0';
    case 'exitcode': return String(w.exitCode);
    case 'errormsg': return w.errorMessage;
    default: return undefined;
  }
}

/** The -w output and any complaints about unknown variables (for stderr). */
export function writeOut(format: string, w: WriteOutInfo): { out: string; err: string } {
  let out = '';
  let err = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    const next = format[i + 1];
    if (c === '%' && next === '%') { out += '%'; i++; continue; }
    if (c === '%' && next === '{') {
      const end = format.indexOf('}', i);
      if (end > 0) {
        const name = format.slice(i + 2, end);
        const value = variable(name, w);
        if (value === undefined) err += `curl: unknown --write-out variable: '${name}'\n`;
        else out += value;
        i = end;
        continue;
      }
    }
    if (c === '\\' && next !== undefined && 'nrt\\'.includes(next)) {
      out += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : '\\';
      i++;
      continue;
    }
    out += c;
  }
  return { out, err };
}
