// The control plane's figures, for each engine that answers (docker, podman), under the built `tug up` (the
// default cluster: a tainted control-plane node and workers node01, node02; classroom timings):
//   1. a ReplicaSet scaled 0 -> 10 and 10 -> 30 -> all Running, next to raw `run -d` of the same pods at the
//      engine's best parallelism;
//   2. the control plane idle with the 30 pods: CPU (% of one core) and resident memory of `tug up`;
//   3. a pod of the ReplicaSet deleted -> its replacement Running, next to one raw pod start;
//   4. a worker node stopped -> all its pods Running elsewhere, also minus the configured grace and eviction
//      delays.
// This process writes the ReplicaSet, scales it, deletes pods and stops nodes through the store, as `tug`
// would, and watches the change log (lib/cluster-store.js). Everything it creates carries a label naming this
// run, or (the kubelets' containers) the uid of a pod of its own state directory, and is removed at the end,
// even on failure or Ctrl-C; other containers are never touched.
import {randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {measureIdle, reportIdle} from './lib/cluster-idle.js'
import {nodeTrials, reportNodeStops} from './lib/cluster-node-stop.js'
import {deleteTrials, reportDeletes} from './lib/cluster-pod-delete.js'
import {measureScale, reportScale, STEPS} from './lib/cluster-scale.js'
import {benchReplicaSet, ClusterStore, isNodeReady} from './lib/cluster-store.js'
import {ControlPlane} from './lib/control-plane.js'
import {adoptEngineSettings, IMAGES, probeEngines} from './lib/engines.js'
import {BENCH_LABEL, BENCH_ROLE_LABEL, removeLabelled} from './lib/raw-pods.js'
import {progress} from './lib/report.js'
import {removePodContainers} from './lib/tug-cleanup.js'

const ENGINES = (process.env.BENCH_ENGINES ?? 'docker,podman').split(',').filter(Boolean)
/** Rounds of the scale figure (raw at the best parallelism, then Tugboat's 0 -> 10 -> 30). */
const SCALE_ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 3)
const DELETE_TRIALS = 10
/** Node failures (each takes the grace and eviction delays, ~10 s, plus the heal and the node's return). */
const NODE_TRIALS = Number(process.env.BENCH_NODE_TRIALS ?? 10)
/** Where to keep each control plane's log (`tug-up-cluster-<engine>.log`, the benchmark's steps marked). */
const LOG_DIR = process.env.BENCH_LOG_DIR
const REPLICAS = STEPS.at(-1)[1]
const NODES_READY_TIMEOUT_MS = 30_000

/** Runs the control plane's figures for every engine that answers. */
export async function clusterFigures(report) {
  const adopted = adoptEngineSettings()
  if (adopted.length) progress(`using scripts/engines.sh's settings: ${adopted.join(', ')}`)
  for (const engine of await probeEngines(ENGINES)) {
    report.section(`Control plane on ${engine.name}${engine.ok ? ` ${engine.version}` : ''}`)
    if (!engine.ok) {
      report.note(`skipped: ${engine.why}`)
      continue
    }
    await engineFigures(report, engine.name)
  }
}

async function engineFigures(report, engine) {
  const runId = `${process.pid}-${randomBytes(3).toString('hex')}`
  const home = mkdtempSync(join(tmpdir(), 'tug-bench-cluster-'))
  let plane
  let store
  try {
    store = await ClusterStore.open(home)
    plane = new ControlPlane({engine, home})
    await plane.ready()
    await nodesReady(store)
    const rs = store.createReplicaSet(benchReplicaSet('bench', IMAGES.app, 0))
    const context = {engine, runId, plane, store, rs, replicas: REPLICAS}

    reportScale(report, await measureScale({...context, rounds: SCALE_ROUNDS}))
    reportIdle(report, await measureIdle(engine, plane), REPLICAS)

    reportDeletes(report, await deleteTrials({...context, trials: DELETE_TRIALS}))

    progress(`${engine}: ${NODE_TRIALS} worker nodes stopped, one at a time`)
    reportNodeStops(report, await nodeTrials({...context, trials: NODE_TRIALS}))
  } catch (error) {
    report.note(`${engine}: failed: ${error instanceof Error ? error.message : String(error)}`)
    if (plane) progress(`the control plane's last lines:\n${plane.tail()}`)
    process.exitCode = 1
  } finally {
    progress(`${engine}: cleaning up`)
    await plane?.stop()
    if (plane && LOG_DIR) plane.save(join(LOG_DIR, `tug-up-cluster-${engine}.log`))
    if (store) {
      // Pods written just before the control plane stopped still count: their containers may exist.
      try {
        store.refresh()
      } catch (error) {
        warn(error)
      }
      store.close()
      await removePodContainers(engine, store.uids).catch(warn)
    }
    await removeLabelled(engine, `${BENCH_LABEL}=${runId}`, BENCH_ROLE_LABEL).catch(warn)
    rmSync(home, {recursive: true, force: true})
  }
}

/** Waits until the control-plane node and at least two workers are registered and Ready. */
async function nodesReady(store) {
  await store.until(
    'the nodes to be Ready',
    (s) => {
      const nodes = [...s.nodes.values()]
      return s.workers().length >= 2 && nodes.length > s.workers().length && nodes.every(isNodeReady)
        ? true
        : undefined
    },
    NODES_READY_TIMEOUT_MS,
  )
}

function warn(error) {
  progress(`cleanup: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
