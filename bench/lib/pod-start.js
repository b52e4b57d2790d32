// Figure: pods written to the store -> Running, against the same containers started with raw `run -d` at
// the engine's best parallelism, both measured here, in this run. Raw and Tugboat samples alternate, with the
// control plane running throughout, so a change in the machine's load (other work on a 2-core machine)
// falls on both, and each side is the median of as many samples as the other: for ten pods, raw is first
// tried once at each parallelism to find the best, then Tugboat's ten and raw's ten at that parallelism take
// turns (BENCH_TEN_SAMPLES rounds).
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
/** Rounds of the ten-pod figure (Tugboat's ten, then raw's ten at the best parallelism). */
const TEN_SAMPLES = Number(process.env.BENCH_TEN_SAMPLES ?? 3)

/**
 * The start-up samples of one engine: `samples` single pods (raw, then Tugboat, in turn) and ten pods (raw at
 * each parallelism, then rounds of Tugboat's ten and raw's ten at the best). Returns the raw and Tugboat
 * timings and the names of Tugboat's last ten pods, which stay running for the restart figure.
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
  const bestParallelism = bestOf(rawTen)
  const tugTen = []
  const rawBest = []
  let names = []
  for (let round = 0; round < TEN_SAMPLES; round++) {
    progress(`${engine}: tug, 10 pods (${round + 1}/${TEN_SAMPLES})`)
    await plane.settle()
    names = Array.from({length: 10}, (_, i) => `ten${round}-${i}`)
    tugTen.push(await timeTugStart(plane, store, names))
    await plane.settle()
    progress(`${engine}: raw run -d of 10 pods, ${bestParallelism} at a time (${round + 1}/${TEN_SAMPLES})`)
    rawBest.push(await rawStart(engine, runId, `best${round}`, 10, bestParallelism))
  }
  return {rawOne, tugOne, rawTen, bestParallelism, rawBest, tugTen, names}
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

/** Prints the start-up figures of one engine; returns the ten-pod medians (raw and Tugboat). */
export function reportStarts(report, {rawOne, tugOne, rawTen, bestParallelism, rawBest, tugTen}) {
  const rawOneMs = median(rawOne)
  report.figure(
    'raw run -d, 1 pod (infra + app; anchor)',
    rawOneMs,
    `median of ${rawOne.length}, ${spread(rawOne)}`,
  )
  const rawTenMs = median(rawBest)
  const tried = [...rawTen].map(([p, ms]) => `${p}: ${ms.map(Math.round).join(' & ')}`).join(', ')
  report.figure(
    'raw run -d, 10 pods (anchor: best parallelism)',
    rawTenMs,
    `${bestParallelism} at a time: median of ${rawBest.length}, ${spread(rawBest)}; first try by parallelism ${tried}`,
  )
  const tugOneMs = median(tugOne.map((t) => t.ms))
  report.figure(
    'tug: 1 pod written -> Running',
    tugOneMs,
    `${ratio(tugOneMs, rawOneMs, 'raw')} (target <= ${START_TARGET}x: ${verdict(tugOneMs <= rawOneMs * START_TARGET)}); ` +
      `median of ${tugOne.length}, ${spread(tugOne.map((t) => t.ms))}`,
  )
  const tugTenMs = median(tugTen.map((t) => t.ms))
  report.figure(
    'tug: 10 pods written (one transaction) -> all Running',
    tugTenMs,
    `${ratio(tugTenMs, rawTenMs, 'raw')} (target <= ${START_TARGET}x: ${verdict(tugTenMs <= rawTenMs * START_TARGET)}); ` +
      `median of ${tugTen.length}, ${spread(tugTen.map((t) => t.ms))}`,
  )
  for (const [what, samples] of [
    ['1 pod', tugOne],
    ['10 pods', tugTen],
  ]) {
    const t = middle(samples)
    report.note(
      `${what} (median sample): write -> first kubelet command ${Math.round(t.pickupMs)} ms; ${t.commands} engine commands ` +
        `(${t.runs} run -d) until Running; last run -d returned -> Running seen ${Math.round(t.afterLastRunMs)} ms`,
    )
  }
  return {rawTenMs, tugTenMs}
}

/** The sample with the median time. */
function middle(samples) {
  return [...samples].sort((a, b) => a.ms - b.ms)[Math.floor((samples.length - 1) / 2)]
}
