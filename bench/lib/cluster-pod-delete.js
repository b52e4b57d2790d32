// Figure: a pod of the ReplicaSet deleted through the API (as `tug delete pod` does: gracefully) -> the
// ReplicaSet whole again, every replica Running and one of them a pod that did not exist before. Before each
// trial, one raw pod (infra + app) is started and removed, so anchor and trials share the machine's load.
// After each, the deleted pod's own end (its kubelet stops and removes its containers, then the object) is
// awaited, so the next trial does not share the engine with it.
import {BENCH_LABEL, BENCH_ROLE_LABEL, removeLabelled, timeRawPods} from './raw-pods.js'
import {progress, ratio} from './report.js'
import {max, median, spread} from './timing.js'

const REPLACED_TIMEOUT_MS = 60_000
const GONE_TIMEOUT_MS = 60_000

/** Runs `trials` deletions, each of a different pod; returns each trial's raw anchor and replacement time. */
export async function deleteTrials({engine, runId, plane, store, rs, replicas, trials}) {
  const results = []
  for (let index = 0; index < trials; index++) {
    progress(`${engine}: pod deleted -> replaced (${index + 1}/${trials})`)
    const rawMs = await timeRawPods(engine, runId, `tug-bench-${runId}-del${index}`, 1, 1)
    await removeLabelled(engine, `${BENCH_LABEL}=${runId}`, BENCH_ROLE_LABEL)
    await plane.settle()
    results.push({rawMs, ...(await deleteTrial(plane, store, rs, replicas, index))})
  }
  return results
}

async function deleteTrial(plane, store, rs, replicas, index) {
  store.refresh()
  const pods = store.activePods(rs).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
  if (pods.length !== replicas) throw new Error(`${rs.name} has ${pods.length} pods, not ${replicas}`)
  const before = new Set(pods.map((pod) => pod.metadata.name))
  const victim = pods[index % pods.length].metadata.name
  const start = store.deletePod(victim)
  plane.mark(`deleted pod ${victim}`, start)
  const {at, value: replacement} = await store.until(
    `a replacement for pod ${victim} to be Running`,
    (s) => {
      if (!s.whole(rs, replicas)) return undefined
      return s.activePods(rs).find((pod) => !before.has(pod.metadata.name))?.metadata.name
    },
    REPLACED_TIMEOUT_MS,
  )
  plane.mark(`${replacement} Running in place of ${victim}`, at)
  const {at: goneAt} = await store.until(
    `deleted pod ${victim} to be finished by its kubelet`,
    (s) => (s.pods.has(victim) ? undefined : true),
    GONE_TIMEOUT_MS,
  )
  return {ms: at - start, goneMs: goneAt - start}
}

/** Prints the deletion figures. */
export function reportDeletes(report, trials) {
  const raw = trials.map((t) => t.rawMs)
  const rawMs = median(raw)
  report.figure('raw run -d, 1 pod (anchor; one per trial)', rawMs, `median of ${raw.length}, ${spread(raw)}`)
  const ms = trials.map((t) => t.ms)
  report.figure(
    'tug: pod deleted -> replacement Running, median',
    median(ms),
    `${ratio(median(ms), rawMs, 'raw')}; max ${Math.round(max(ms))} ms (${ratio(max(ms), rawMs, 'raw')}); ${trials.length} trials`,
  )
  const gone = trials.map((t) => t.goneMs)
  report.note(
    `the deleted pod itself was stopped, removed and gone from the store after a median ${Math.round(median(gone))} ms`,
  )
}
