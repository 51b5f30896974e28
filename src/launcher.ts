// The program npm installs as `k8s-svc-lab`: it checks the Node.js version before loading the lab,
// whose code needs Node.js 22 or newer, so an older Node gets one line saying what to do instead of
// a syntax or engine error. Built for old Nodes (no syntax newer than they read); it then loads
// the single bundled file, dist/cli.js.
const REQUIRED_MAJOR = 22;
const version = process.versions.node;
const major = Number(version.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  process.stderr.write(`k8s-svc-lab needs Node.js ${REQUIRED_MAJOR} or newer, and this is Node.js ${version}: install a current Node.js (https://nodejs.org) and run it again.\n`);
  process.exit(1);
}
void import('./cli.js');
