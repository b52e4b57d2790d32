// Figure: a worker node's machine stopped (`tug node stop`: its kubelet stops heartbeating and its containers
// are killed) -> every pod it ran Running on another node. The control plane can only notice the silence
// after the node-monitor grace period and evicts the pods only after the eviction delay, so the figure is
// also given minus those two configured delays: what is left is the control plane's own part (the monitor's
// period, the replacements' scheduling and starts). Each trial stops the worker with the most pods of the
// ReplicaSet; with two workers the first trial moves about half the pods and each later one all of them.
// Between trials the node is started again and the trial waits until it is Ready, untainted, and its kubelet
// has finished the evicted pods and removed their containers, so every trial starts from a whole cluster.
import {runCommand} from './commands.js'
import {isNodeReady} from './cluster-store.js'
import {progress} from './report.js'
import {max, median, now, poll, spread} from './timing.js'

const SETTLE_TIMEOUT_MS = 120_000
/** Heal time beyond the configured delays after which a trial counts as stuck. */
const HEAL_SLACK_MS = 180_000
/** The classroom profile's delays, should the control plane's log not name them. */
const CLASSROOM_DELAYS = {graceMs: 4_000, evictionMs: 5_000}
/** The line `tug up` logs at start: `timings: heartbeat 1s, node grace 4s, eviction after 5s`. */
const TIMINGS_LINE = /node grace ([\d.]+)s, eviction after ([\d.]+)s/
/** The node controller's own heal report: `... fully ready again elsewhere 12.3s after its last heartbeat`. */
const HEAL_LINE = /^\S+ node-controller: node (\S+) failed; .* fully ready again elsewhere ([\d.]+)s after/

/** The grace period and eviction delay the control plane runs with, as its log says. */
export function configuredDelays(plane) {
  for (const line of plane.lines) {
    const match = TIMINGS_LINE.exec(line.text)
    if (match) return {graceMs: Number(match[1]) * 1000, evictionMs: Number(match[2]) * 1000, logged: true}
  }
  return {...CLASSROOM_DELAYS, logged: false}
}

/** Runs `trials` node failures; returns each one's times. */
export async function nodeTrials({engine, plane, store, rs, replicas, trials}) {
  const delays = configuredDelays(plane)
  const results = []
  for (let index = 0; index < trials; index++) {
    await plane.settle()
    const trial = await nodeTrial(plane, store, rs, replicas, delays)
    progress(
      `${engine}: node ${trial.node} stopped -> ${trial.moved} pods elsewhere in ${Math.round(trial.ms)} ms (${index + 1}/${trials})`,
    )
    await restartNode(engine, plane, store, trial.node)
    // The control plane logs its own heal time once it sees the pods Ready, which may come after this
    // process saw them Running: looked for only now.
    const healed = plane.lines.find(
      (line) => line.at >= trial.start && HEAL_LINE.exec(line.text)?.[1] === trial.node,
    )
    results.push({...trial, reportedMs: healed ? Number(HEAL_LINE.exec(healed.text)[2]) * 1000 : NaN})
  }
  return {delays, trials: results}
}

async function nodeTrial(plane, store, rs, replicas, delays) {
  store.refresh()
  if (!store.whole(rs, replicas)) throw new Error(`${rs.name} is not whole before a node trial`)
  const pods = store.activePods(rs)
  const [node] = store
    .workers()
    .map((name) => [name, pods.filter((pod) => pod.spec.nodeName === name).length])
    .sort(([, a], [, b]) => b - a)[0]
  const moved = pods.filter((pod) => pod.spec.nodeName === node).map((pod) => pod.metadata.name)
  if (!moved.length) throw new Error(`no worker node runs a pod of ${rs.name}`)
  const start = store.stopNode(node)
  plane.mark(`stopped node ${node} (${moved.length} pods)`, start)
  let notReadyAt
  let evictedAt
  const {at} = await store.until(
    `the ${moved.length} pods of stopped node ${node} to be Running elsewhere`,
    (s) => {
      const seen = now()
      if (notReadyAt === undefined && !readyCondition(s.nodes.get(node))) notReadyAt = seen
      const evicted = moved.some((name) => s.pods.get(name)?.metadata.deletionTimestamp ?? !s.pods.has(name))
      if (evictedAt === undefined && evicted) evictedAt = seen
      return s.whole(rs, replicas, node) ? true : undefined
    },
    delays.graceMs + delays.evictionMs + HEAL_SLACK_MS,
  )
  plane.mark(`${node}'s pods Running elsewhere`, at)
  return {
    node,
    start,
    moved: moved.length,
    ms: at - start,
    notReadyMs: (notReadyAt ?? NaN) - start,
    evictMs: (evictedAt ?? NaN) - (notReadyAt ?? NaN),
    replaceMs: at - (evictedAt ?? NaN),
  }
}

/** Starts the node again; waits until it is Ready and untainted and none of the run's pods is left on it. */
async function restartNode(engine, plane, store, node) {
  plane.mark(`started node ${node}`, store.startNode(node))
  await store.until(
    `node ${node} to be Ready again and finish its evicted pods`,
    (s) => {
      if (!isNodeReady(s.nodes.get(node))) return undefined
      const terminating = [...s.pods.values()].some(
        (p) => p.spec.nodeName === node && p.metadata.deletionTimestamp,
      )
      return terminating ? undefined : true
    },
    SETTLE_TIMEOUT_MS,
  )
  await poll(
    `node ${node}'s leftover containers to be removed`,
    async () => ((await leftovers(engine, store, node)).length ? undefined : true),
    {timeoutMs: SETTLE_TIMEOUT_MS, intervalMs: 250},
  )
  plane.mark(`node ${node} back, its leftovers gone`)
}

/** The containers on `node` of the run's pods that no longer belong there. */
async function leftovers(engine, store, node) {
  const listed = await runCommand(engine, [
    'ps',
    '--all',
    '--quiet',
    '--no-trunc',
    '--filter=label=io.tugboat.managed-by=tugboat',
    `--filter=label=io.tugboat.node=${node}`,
  ])
  if (listed.code !== 0) throw new Error(`${engine} ps failed (${listed.code}): ${listed.stderr.trim()}`)
  const ids = listed.stdout.split('\n').filter(Boolean)
  if (!ids.length) return []
  // Some may go while this looks (inspect exits non-zero then, but prints the others).
  const inspected = await runCommand(engine, ['inspect', '--type=container', '--', ...ids])
  store.refresh()
  const here = new Set(
    [...store.pods.values()]
      .filter((pod) => pod.spec.nodeName === node && !pod.metadata.deletionTimestamp)
      .map((pod) => pod.metadata.uid),
  )
  return JSON.parse(inspected.stdout || '[]')
    .map((c) => c.Config?.Labels?.['io.tugboat.pod.uid'])
    .filter((uid) => store.uids.has(uid) && !here.has(uid))
}

function readyCondition(node) {
  return node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** Prints the node figures. */
export function reportNodeStops(report, {delays, trials}) {
  const ms = trials.map((t) => t.ms)
  const moved = trials.map((t) => t.moved)
  report.figure(
    'tug: node stopped -> its pods Running elsewhere, median',
    median(ms),
    `max ${Math.round(max(ms))} ms; ${trials.length} trials, ${Math.min(...moved)}-${max(moved)} pods moved each`,
  )
  const delayMs = delays.graceMs + delays.evictionMs
  const own = ms.map((m) => m - delayMs)
  report.figure(
    `same, minus grace ${delays.graceMs / 1000} s + eviction ${delays.evictionMs / 1000} s, median`,
    median(own),
    `max ${Math.round(max(own))} ms; ${spread(own)}`,
  )
  const part = (key) => {
    const samples = trials.map((t) => t[key]).filter(Number.isFinite)
    return samples.length ? `${Math.round(median(samples))} ms` : 'not seen'
  }
  report.note(
    `medians: stop written -> node NotReady ${part('notReadyMs')}, NotReady -> first eviction ${part('evictMs')}, ` +
      `first eviction -> all Running elsewhere ${part('replaceMs')}; tug up's own heal report (Ready, from the ` +
      `last heartbeat) ${part('reportedMs')}; the last heartbeat may precede the stop by up to a heartbeat ` +
      `period, and the node controller looks every monitor period with whole-second timestamps, so the part ` +
      `left after the delays is approximate` +
      (delays.logged ? '' : `; delays assumed (the control plane's log did not name them)`),
  )
}
