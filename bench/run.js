// npm run bench: Tugboat's figures, each next to an anchor measured in the same run on the same machine.
// Issue 2: `tug get pods` with 1,000 pods and `tug apply -f` of one Deployment against `node -e 0` and
// `kubectl version --client`; 10,000 objects applied in one `tug apply -f`.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tug = join(root, 'bin', 'run.js')
const runs = Number(process.env.BENCH_RUNS ?? 15)

function time(command, args, env = {}) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, {
    env: {...process.env, ...env, NO_COLOR: '1'},
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  return ms
}

function median(command, args, env) {
  time(command, args, env) // warm the page cache
  const samples = Array.from({length: runs}, () => time(command, args, env)).sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

function pod(i) {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  labels:\n    app: bench\nspec:\n  containers:\n  - name: app\n    image: tugboat/demo:v1\n`
}

function deployment(name) {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: web\n        image: tugboat/demo:v1\n        ports:\n        - containerPort: 8080\n`
}

const home = mkdtempSync(join(tmpdir(), 'tug-bench-'))
const rows = []
const report = (name, value, unit, note = '') => rows.push({name, value, unit, note})
try {
  const env = {TUG_HOME: home}
  const nodeMs = median(process.execPath, ['-e', '0'])
  report('node -e 0 (anchor)', nodeMs, 'ms')
  const kubectl = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'})
  const kubectlMs = kubectl.status === 0 ? median('kubectl', ['version', '--client']) : undefined
  if (kubectlMs !== undefined) report('kubectl version --client (anchor)', kubectlMs, 'ms')

  const pods = join(home, 'pods.yaml')
  writeFileSync(pods, Array.from({length: 1000}, (_, i) => pod(i)).join('---\n'))
  time(process.execPath, [tug, 'apply', '-f', pods], env)
  const getMs = median(process.execPath, [tug, 'get', 'pods'], env)
  report(
    'tug get pods (1,000 pods stored)',
    getMs,
    'ms',
    `${(getMs / nodeMs).toFixed(2)}x node -e 0 (target <= 2.5x)` +
      (kubectlMs ? `, ${(getMs / kubectlMs).toFixed(2)}x kubectl --client` : ''),
  )

  const one = join(home, 'web.yaml')
  writeFileSync(one, deployment('web'))
  const applyMs = median(process.execPath, [tug, 'apply', '-f', one], env)
  report(
    'tug apply -f (one Deployment)',
    applyMs,
    'ms',
    `${(applyMs / nodeMs).toFixed(2)}x node -e 0` +
      (kubectlMs ? `, ${(applyMs / kubectlMs).toFixed(2)}x kubectl --client` : ''),
  )

  const many = join(home, 'many.yaml')
  writeFileSync(many, Array.from({length: 10_000}, (_, i) => deployment(`d-${i}`)).join('---\n'))
  const bigHome = mkdtempSync(join(tmpdir(), 'tug-bench-big-'))
  const bulkMs = time(process.execPath, [tug, 'apply', '-f', many], {TUG_HOME: bigHome})
  rmSync(bigHome, {recursive: true, force: true})
  report(
    'tug apply -f (10,000 Deployments, one file)',
    bulkMs,
    'ms',
    `${Math.round(10_000 / (bulkMs / 1000))} objects/s`,
  )
} finally {
  rmSync(home, {recursive: true, force: true})
}

const width = Math.max(...rows.map((row) => row.name.length))
console.log(`Tugboat benchmarks (median of ${runs} runs where repeated; ${new Date().toISOString()})`)
for (const row of rows)
  console.log(`${row.name.padEnd(width)}  ${row.value.toFixed(1).padStart(9)} ${row.unit}  ${row.note}`)
