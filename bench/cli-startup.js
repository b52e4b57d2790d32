// Issue 2's figures: `tug get pods` with 1,000 pods and `tug apply -f` of one Deployment against `node -e 0`
// and `kubectl version --client`; 10,000 objects applied in one `tug apply -f` against `node -e 0`.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {ratio} from './lib/report.js'
import {medianProgram, timeProgram} from './lib/timing.js'

const TUG = join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'run.js')
const RUNS = Number(process.env.BENCH_RUNS ?? 15)

function pod(i) {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  labels:\n    app: bench\nspec:\n  containers:\n  - name: app\n    image: tugboat/demo:v1\n`
}

function deployment(name) {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: web\n        image: tugboat/demo:v1\n        ports:\n        - containerPort: 8080\n`
}

/** Runs the CLI start-up figures. */
export function cliStartupFigures(report) {
  report.section(`CLI start-up (issue 2; median of ${RUNS} runs)`)
  const home = mkdtempSync(join(tmpdir(), 'tug-bench-'))
  try {
    const env = {TUG_HOME: home}
    const nodeMs = medianProgram(process.execPath, ['-e', '0'], {}, RUNS)
    report.figure('node -e 0 (anchor)', nodeMs)
    const hasKubectl = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'}).status === 0
    const kubectlMs = hasKubectl ? medianProgram('kubectl', ['version', '--client'], {}, RUNS) : undefined
    if (kubectlMs !== undefined) report.figure('kubectl version --client (anchor)', kubectlMs)
    const againstAnchors = (ms) =>
      ratio(ms, nodeMs, 'node -e 0') + (kubectlMs ? `, ${ratio(ms, kubectlMs, 'kubectl --client')}` : '')

    const pods = join(home, 'pods.yaml')
    writeFileSync(pods, Array.from({length: 1000}, (_, i) => pod(i)).join('---\n'))
    timeProgram(process.execPath, [TUG, 'apply', '-f', pods], env)
    const getMs = medianProgram(process.execPath, [TUG, 'get', 'pods'], env, RUNS)
    report.figure('tug get pods (1,000 pods stored)', getMs, `${againstAnchors(getMs)} (target <= 2.5x node)`)

    const one = join(home, 'web.yaml')
    writeFileSync(one, deployment('web'))
    const applyMs = medianProgram(process.execPath, [TUG, 'apply', '-f', one], env, RUNS)
    report.figure('tug apply -f (one Deployment)', applyMs, againstAnchors(applyMs))

    const many = join(home, 'many.yaml')
    writeFileSync(many, Array.from({length: 10_000}, (_, i) => deployment(`d-${i}`)).join('---\n'))
    const bigHome = mkdtempSync(join(tmpdir(), 'tug-bench-big-'))
    try {
      const bulkMs = timeProgram(process.execPath, [TUG, 'apply', '-f', many], {TUG_HOME: bigHome})
      report.figure(
        'tug apply -f (10,000 Deployments, one file)',
        bulkMs,
        `${ratio(bulkMs, nodeMs, 'node -e 0')}; ${Math.round(10_000 / (bulkMs / 1000))} objects/s`,
      )
    } finally {
      rmSync(bigHome, {recursive: true, force: true})
    }
  } finally {
    rmSync(home, {recursive: true, force: true})
  }
}
