// Issue 3's figures, for each engine that answers (docker, podman):
//   1. 1 pod and 10 single-container pods written to the store -> Running, under `tug up`, next to raw
//      `run -d` of the same containers at the engine's best parallelism; on docker, Swarm's 10 replicas.
//   2. an app container killed behind Tugboat's back -> replacement Running, next to one raw `run -d`.
// The control plane is the built `tug up` in its own process, as a user runs it; this process writes the
// pods and watches their status through the store (lib/tug-store.js says why not through `tug get`). A start
// is timed from just before the transaction that writes the pods to the first look at the change log that
// shows them all Running with their containers running.
// Everything it creates carries a label naming this run, or (the kubelet's containers) the uid of a pod it
// wrote, and is removed at the end, even on failure or Ctrl-C; other containers are never touched.
import {randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {mustRun} from './lib/commands.js'
import {ControlPlane} from './lib/control-plane.js'
import {adoptEngineSettings, probeEngines} from './lib/engines.js'
import {killTrials, reportRestarts} from './lib/pod-restart.js'
import {measureStarts, reportStarts} from './lib/pod-start.js'
import {BENCH_LABEL, BENCH_ROLE_LABEL, removeLabelled} from './lib/raw-pods.js'
import {progress, ratio} from './lib/report.js'
import {timeSwarmService} from './lib/swarm.js'
import {removePodContainers} from './lib/tug-cleanup.js'
import {PodStore} from './lib/tug-store.js'

const ENGINES = (process.env.BENCH_ENGINES ?? 'docker,podman').split(',').filter(Boolean)
/** Samples of the one-pod figures (raw and Tugboat). */
const ONE_POD_SAMPLES = Number(process.env.BENCH_POD_SAMPLES ?? 5)
const KILL_TRIALS = 10
const SWARM = process.env.BENCH_SWARM !== '0'
/** Where to keep each control plane's log (`tug-up-<engine>.log`, with the benchmark's own steps marked). */
const LOG_DIR = process.env.BENCH_LOG_DIR

/** Runs the pod figures for every engine that answers. */
export async function podFigures(report) {
  const adopted = adoptEngineSettings()
  if (adopted.length) progress(`using scripts/engines.sh's settings: ${adopted.join(', ')}`)
  for (const engine of await probeEngines(ENGINES)) {
    report.section(`Pods on ${engine.name}${engine.ok ? ` ${engine.version}` : ''} (issue 3)`)
    if (!engine.ok) {
      report.note(`skipped: ${engine.why}`)
      continue
    }
    const others = await otherClusterContainers(engine.name)
    if (others.length) {
      report.note(
        `skipped: ${engine.name} runs ${others.length} container(s) of another Tugboat cluster (${others.slice(0, 3).join(', ')}); ` +
          "the benchmark's cluster uses the same node names, so each cluster's kubelets would remove the other's",
      )
      process.exitCode = 1
      continue
    }
    await engineFigures(report, engine.name)
  }
}

/** Names of Tugboat containers already on the engine: another cluster's (node names are not unique to one). */
async function otherClusterContainers(engine) {
  const names = await mustRun(engine, [
    'ps',
    '--all',
    '--format={{.Names}}',
    '--filter=label=io.tugboat.managed-by=tugboat',
  ])
  return names.split('\n').filter(Boolean)
}

async function engineFigures(report, engine) {
  const runId = `${process.pid}-${randomBytes(3).toString('hex')}`
  const home = mkdtempSync(join(tmpdir(), 'tug-bench-pods-'))
  let plane
  let store
  try {
    store = await PodStore.open(home)
    plane = new ControlPlane({engine, home})
    await plane.ready()
    const starts = await measureStarts({engine, runId, plane, store, samples: ONE_POD_SAMPLES})
    const {rawTenMs, tugTenMs} = reportStarts(report, starts)
    if (engine === 'docker' && SWARM) await swarmFigure(report, runId, rawTenMs, tugTenMs)

    progress(`${engine}: ${KILL_TRIALS} containers killed behind tug's back`)
    const names = starts.names.slice(0, KILL_TRIALS)
    const trials = await killTrials({engine, runId, plane, store, names})
    reportRestarts(report, trials)
  } catch (error) {
    report.note(`${engine}: failed: ${error instanceof Error ? error.message : String(error)}`)
    if (plane) progress(`the control plane's last lines:\n${plane.tail()}`)
    process.exitCode = 1
  } finally {
    progress(`${engine}: cleaning up`)
    await plane?.stop()
    if (plane && LOG_DIR) plane.save(join(LOG_DIR, `tug-up-${engine}.log`))
    store?.close()
    if (store) await removePodContainers(engine, store.uids).catch(warn)
    await removeLabelled(engine, `${BENCH_LABEL}=${runId}`, BENCH_ROLE_LABEL).catch(warn)
    rmSync(home, {recursive: true, force: true})
  }
}

/** Docker Swarm's time for the same ten containers, for context; why not, when it cannot run. */
async function swarmFigure(report, runId, rawBest, tugTenMs) {
  progress('docker: swarm service with 10 replicas')
  const swarm = await timeSwarmService(runId, 10).catch((error) => ({why: error.message}))
  if (swarm.why) return report.note(`Docker Swarm (context): not measured: ${swarm.why}`)
  report.figure(
    'docker swarm: service create --replicas 10 -> 10/10',
    swarm.ms,
    `${ratio(swarm.ms, rawBest, 'raw')}; tug's 10 pods took ${ratio(tugTenMs, swarm.ms, 'swarm')} (goal < 1x)`,
  )
  report.note('swarm: no published ports; `docker service ls` looked at every 100 ms')
}

function warn(error) {
  progress(`cleanup: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
