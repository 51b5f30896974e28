// Runs every golden transcript as `k8s-svc-lab run --echo` runs it and prints what each printed, as
// JSON: the offline test starts this in a process without network and with network use refused
// (deny-network.mjs), then compares with the transcripts. One of them also goes through the real
// command line in a process of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runScript } from '../../src/app/script.js';
import { realFiles } from '../../src/app/real-files.js';
import type { ProxyMode } from '../../src/sim/config.js';

const [dir, cli, viaCli] = process.argv.slice(2) as [string, string, string];
const out: Record<string, string> = {};
for (const script of readdirSync(dir).filter((f) => f.endsWith('.sh')).sort()) {
  const text = readFileSync(join(dir, script), 'utf8');
  const options = /^# options: (.*)$/m.exec(text)?.[1] ?? '';
  const mode = /--proxy-mode (\w+)/.exec(options)?.[1] as ProxyMode | undefined;
  out[script] = runScript(text, { config: { seed: 1, ...(mode ? { proxyMode: mode } : {}), ...(options.includes('--cloud') ? { cloud: true } : {}) }, echo: true, host: realFiles(dir) }).output;
}
const args = ['--import', 'tsx', '--import', new URL('./deny-network.mjs', import.meta.url).pathname, cli, 'run', '--echo', viaCli];
try {
  out[`cli:${viaCli}`] = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
} catch (e) {
  out[`cli:${viaCli}`] = (e as { stdout?: string }).stdout ?? '';
}
process.stdout.write(JSON.stringify(out));
