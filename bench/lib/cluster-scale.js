// Figure: a ReplicaSet scaled 0 -> 10, then 10 -> 30, from the write of spec.replicas to the first look at
// the change log that shows every replica Running, against raw `run -d` of the same pods (infra + app) at the
// engine's best parallelism: 10 pods, then 20 more beside them. Raw is first tried once at each parallelism
// to find the best; then rounds of raw (at the best) and Tugboat take turns, so a change in the machine's load
// falls on both. Between rounds the ReplicaSet goes back to 0 and every pod is gone (the kubelet deletes a
// pod object only after removing its containers); the last round leaves 30 pods running for the figures after.
import {RAW_PARALLELISMS, START_TARGET} from './pod-start.js'
import {BENCH_LABEL, BENCH_ROLE_LABEL, removeLabelled, timeRawPods} from './raw-pods.js'
import {progress, ratio, verdict} from './report.js'
import {median, spread} from './timing.js'

/** The two steps: from how many replicas to how many. */
export const STEPS = [
  [0, 10],
  [10, 30],
]
const RUNNING_TIMEOUT_MS = 180_000
const GONE_TIMEOUT_MS = 120_000

/** Raw starts of the steps' new pods at `parallelism`, each step beside the pods of the one before. */
async function rawScale(engine, runId, tag, parallelism) {
  const ms = []
  for (const [from, to] of STEPS)
    ms.push(await timeRawPods(engine, runId, `tug-bench-${runId}-${tag}-${to}`, to - from, parallelism))
  await removeLabelled(engine, `${BENCH_LABEL}=${runId}`, BENCH_ROLE_LABEL)
  return ms
}

/** Tugboat's steps: spec.replicas written, then every replica Running; returns the wall time of each. */
async function tugScale(plane, store, rs) {
  const ms = []
  for (const [, to] of STEPS) {
    await plane.settle()
    const start = store.scale(rs, to)
    plane.mark(`scaled ${rs.name} to ${to}`, start)
    const {at} = await store.until(
      `${rs.name} to have ${to} pods Running`,
      (s) => (s.whole(rs, to) ? true : undefined),
      RUNNING_TIMEOUT_MS,
    )
    plane.mark(`${to} pods Running in the store`, at)
    ms.push(at - start)
  }
  return ms
}

/** Scales the ReplicaSet to 0 and waits until none of its pods is left, Terminating ones included. */
async function scaleDown(plane, store, rs) {
  plane.mark(`scaled ${rs.name} to 0`, store.scale(rs, 0))
  await store.until(
    `${rs.name}'s pods to be gone after scaling to 0`,
    (s) => (s.pods.size === 0 ? true : undefined),
    GONE_TIMEOUT_MS,
  )
  await plane.settle()
}

/**
 * The scale samples of one engine: raw at each parallelism, then `rounds` of raw at the best and Tugboat.
 * Leaves the ReplicaSet at 30 with every pod Running.
 */
export async function measureScale({engine, runId, plane, store, rs, rounds}) {
  const tried = new Map()
  for (const parallelism of RAW_PARALLELISMS) {
    progress(`${engine}: raw run -d of 10 pods then 20 more, ${parallelism} at a time`)
    tried.set(parallelism, await rawScale(engine, runId, `p${parallelism}`, parallelism))
  }
  const [[best]] = [...tried].sort(([, a], [, b]) => a[0] + a[1] - (b[0] + b[1]))
  const raw = []
  const tug = []
  for (let round = 0; round < rounds; round++) {
    progress(`${engine}: raw run -d of 10 + 20 pods, ${best} at a time (${round + 1}/${rounds})`)
    raw.push(await rawScale(engine, runId, `best${round}`, best))
    progress(`${engine}: tug, ReplicaSet scaled 0 -> 10 -> 30 (${round + 1}/${rounds})`)
    tug.push(await tugScale(plane, store, rs))
    if (round < rounds - 1) await scaleDown(plane, store, rs)
  }
  return {tried, best, raw, tug}
}

/** Prints the scale figures of one engine. */
export function reportScale(report, {tried, best, raw, tug}) {
  const firstTries = [...tried].map(([p, ms]) => `${p}: ${ms.map(Math.round).join(' + ')}`).join(', ')
  for (const [index, [from, to]] of STEPS.entries()) {
    const rawSamples = raw.map((r) => r[index])
    const tugSamples = tug.map((t) => t[index])
    const rawMs = median(rawSamples)
    const tugMs = median(tugSamples)
    report.figure(
      `raw run -d, ${to - from} pods${from ? ` beside ${from}` : ''} (anchor: best parallelism)`,
      rawMs,
      `${best} at a time: median of ${rawSamples.length}, ${spread(rawSamples)}`,
    )
    report.figure(
      `tug: ReplicaSet scaled ${from} -> ${to}, all Running`,
      tugMs,
      `${ratio(tugMs, rawMs, 'raw')} (target <= ${START_TARGET}x: ${verdict(tugMs <= rawMs * START_TARGET)}); ` +
        `median of ${tugSamples.length}, ${spread(tugSamples)}`,
    )
  }
  report.note(`raw's first try by parallelism (ms, 10 + 20 pods): ${firstTries}; best ${best}`)
}
