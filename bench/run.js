// npm run bench: Tugboat's figures, each printed as a ratio to an anchor measured in the same run on the same
// machine. `npm run bench -- pods` (or BENCH_ONLY=pods) runs a subset; the suites are below.
//   BENCH_RUNS          repetitions of the CLI start-up figures (15)
//   BENCH_ENGINES       engines for the pod and cluster figures (docker,podman)
//   BENCH_POD_SAMPLES   samples of the one-pod figures (5)
//   BENCH_TEN_SAMPLES   rounds of the ten-pod figures (3)
//   BENCH_SWARM=0       skips Docker Swarm's context figure
//   BENCH_LOG_DIR       keeps each `tug up` log there, with the benchmark's steps marked, for profiling
//   BENCH_SCALE_ROUNDS  rounds of the cluster suite's ReplicaSet scale figures (3)
//   BENCH_NODE_TRIALS   node failures in the cluster suite (10)
//   BENCH_IDLE_SECONDS  the cluster suite's idle CPU and memory window (10)
import {cpus, loadavg} from 'node:os'
import {cliStartupFigures} from './cli-startup.js'
import {clusterFigures} from './cluster.js'
import {podFigures} from './pods.js'
import {Report} from './lib/report.js'
import {interruptWaits} from './lib/timing.js'

const SUITES = {'cli-startup': cliStartupFigures, pods: podFigures, cluster: clusterFigures}

const asked = process.argv.slice(2).length
  ? process.argv.slice(2)
  : (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean)
const unknown = asked.filter((name) => !(name in SUITES))
if (unknown.length) {
  console.error(
    `bench: unknown suite ${unknown.join(', ')}; the suites are ${Object.keys(SUITES).join(', ')}`,
  )
  process.exit(2)
}
const selected = asked.length ? asked : Object.keys(SUITES)

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ')
console.log(
  `Tugboat benchmarks (${new Date().toISOString()}; ${cpus().length} CPUs, load average ${load}; ${selected.join(', ')})`,
)
// Ctrl-C ends the current wait; each suite then removes what it created before the process exits.
process.on('SIGINT', () => {
  console.error('bench: interrupted; cleaning up')
  interruptWaits()
})
const report = new Report()
for (const name of selected) await SUITES[name](report)
