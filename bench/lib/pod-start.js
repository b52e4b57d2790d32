// Figure: pods written to the store -> Running, against the same containers started with raw `run -d` at
// the engine's best parallelism, both measured here, in this run. Raw and Tugboat samples alternate, with the
// control plane running throughout, so a change in the machine's load (other work on a 2-core machine)
// falls on both; the raw ten pods are measured again at the best parallelism after Tugboat's ten.
import {BENCH_LABEL, BENCH_ROLE_LABEL, removeLabelled, timeRawPods} from './raw-pods.js'
import {progress, ratio, verdict} from './report.js'
import {benchPod} from './tug-store.js'
import {IMAGES} from './engines.js'
import {median, min, spread} from './timing.js'

/** The parallelisms tried for the raw anchor; more than 4 gained nothing on these machines, 8 checks it. */
export const RAW_PARALLELISMS = [1, 2, 4, 8]
/** Target: Tugboat within 1.2x of raw. */
export const START_TARGET = 1.2
const RUNNING_TIMEOUT_MS = 120_000

/**
 * The start-up samples of one engine: `samples` single pods (raw, then Tugboat, in turn) and ten pods (raw
 * at each parallelism, Tugboat, raw again at the best). Returns the raw and Tugboat timings and the names of
 * Tugboat's ten pods, which stay running for the restart figure.
 */
export async function measureStarts({engine, runId, plane, store, samples}) {
  const rawOne = []
  const tugOne = []
  for (let i = 0; i < samples; i++) {
    progress(`${engine}: 1 pod, raw and tug (${i + 1}/${samples})`)
    rawOne.push(await rawStart(engine, runId, `one${i}`, 1, 1))
    await plane.settle()
    tugOne.push(await timeTugStart(plane, store, [`one-${i}`]))
    await plane.settle()
  }
  const rawTen = new Map()
  for (const parallelism of RAW_PARALLELISMS) {
    progress(`${engine}: raw run -d of 10 pods, ${parallelism} at a time`)
    rawTen.set(parallelism, [await rawStart(engine, runId, `p${parallelism}`, 10, parallelism)])
  }
  progress(`${engine}: tug, 10 pods`)
  await plane.settle()
  const names = Array.from({length: 10}, (_, i) => `ten-${i}`)
  const tugTen = await timeTugStart(plane, store, names)
  await plane.settle()
  const bestParallelism = bestOf(rawTen)
  progress(`${engine}: raw run -d of 10 pods, ${bestParallelism} at a time, again`)
  rawTen.get(bestParallelism).push(await rawStart(engine, runId, 'again', 10, bestParallelism))
  return {rawOne, tugOne, rawTen, tugTen, names}
}

/** Times `count` raw pods at `parallelism`, then removes them. */
async function rawStart(engine, runId, tag, count, parallelism) {
  const ms = await timeRawPods(engine, runId, `tug-bench-${runId}-${tag}`, count, parallelism)
  await removeLabelled(engine, `${BENCH_LABEL}=${runId}`, BENCH_ROLE_LABEL)
  return ms
}

/** The parallelism with the fastest sample. */
function bestOf(rawTen) {
  const [[parallelism]] = [...rawTen].sort(([, a], [, b]) => min(a) - min(b))
  return parallelism
}

/**
 * Writes `names` as pods in one transaction and waits until all are Running; returns the wall time and where
 * it went, from the control plane's command log.
 */
export async function timeTugStart(plane, store, names) {
  const start = store.createPods(names.map((name) => benchPod(name, IMAGES.app)))
  plane.mark(`wrote ${names.join(', ')}`, start)
  const running = await store.untilRunning(names, RUNNING_TIMEOUT_MS)
  plane.mark('all Running in the store', running)
  const commands = plane.commandsSince(start).filter((c) => c.start <= running && c.verb !== 'events')
  const runs = commands.filter((c) => c.verb === 'run')
  return {
    ms: running - start,
    pickupMs: commands.length ? Math.min(...commands.map((c) => c.start)) - start : NaN,
    afterLastRunMs: runs.length ? running - Math.max(...runs.map((c) => c.end)) : NaN,
    commands: commands.length,
    runs: runs.length,
  }
}

/** Prints the start-up figures of one engine. */
export function reportStarts(report, {rawOne, tugOne, rawTen, tugTen}) {
  const rawOneMs = median(rawOne)
  report.figure(
    'raw run -d, 1 pod (infra + app; anchor)',
    rawOneMs,
    `median of ${rawOne.length}, ${spread(rawOne)}`,
  )
  const bestParallelism = bestOf(rawTen)
  const rawTenMs = min(rawTen.get(bestParallelism))
  const tried = [...rawTen].map(([p, ms]) => `${p}: ${ms.map(Math.round).join(' & ')}`).join(', ')
  report.figure(
    'raw run -d, 10 pods (anchor: best parallelism)',
    rawTenMs,
    `${bestParallelism} at a time; ms by parallelism ${tried}`,
  )
  const tugOneMs = median(tugOne.map((t) => t.ms))
  report.figure(
    'tug: 1 pod written -> Running',
    tugOneMs,
    `${ratio(tugOneMs, rawOneMs, 'raw')} (target <= ${START_TARGET}x: ${verdict(tugOneMs <= rawOneMs * START_TARGET)}); ` +
      `median of ${tugOne.length}, ${spread(tugOne.map((t) => t.ms))}`,
  )
  report.figure(
    'tug: 10 pods written (one transaction) -> all Running',
    tugTen.ms,
    `${ratio(tugTen.ms, rawTenMs, 'raw')} (target <= ${START_TARGET}x: ${verdict(tugTen.ms <= rawTenMs * START_TARGET)})`,
  )
  const middle = [...tugOne].sort((a, b) => a.ms - b.ms)[Math.floor((tugOne.length - 1) / 2)]
  for (const [what, t] of [
    ['1 pod (median sample)', middle],
    ['10 pods', tugTen],
  ])
    report.note(
      `${what}: write -> first kubelet command ${Math.round(t.pickupMs)} ms; ${t.commands} engine commands ` +
        `(${t.runs} run -d) until Running; last run -d returned -> Running seen ${Math.round(t.afterLastRunMs)} ms`,
    )
  return {rawTenMs}
}
