// Figure: an app container killed behind Tugboat's back (`<engine> kill`) -> its replacement Running, split
// into detection and total, against one raw `run -d` of the same container measured in this run.
//
// Detection is read from the control plane's --verbose log: the first engine command of a sync of the killed
// pod (a `ps` filtered by the pod's name, an `inspect` naming the killed container, or the replacement's
// `run -d`) starts when the kubelet acted on the engine's `die` event. Its
// start is the log line's arrival minus the duration the line reports. The kill command can return after the
// kubelet already acted (docker's client lingers), so detection is also given from the container's exit as
// the engine recorded it (State.FinishedAt, on the same host clock). Total is the time until the pod's
// status in the store shows the app running again with restartCount one higher. Each trial kills a different
// pod's container, so every restart is a first one: a second kill of the same container within the back-off
// (10 s) would measure CrashLoopBackOff, not the kubelet.
import {mustRun, runCommand} from './commands.js'
import {BENCH_LABEL, BENCH_ROLE_LABEL, removeLabelled, runRawApp} from './raw-pods.js'
import {ratio, verdict} from './report.js'
import {max, median, now, spread} from './timing.js'
import {IMAGES} from './engines.js'

/** Targets: detection under 200 ms; total under one raw start + 300 ms. */
export const DETECTION_TARGET_MS = 200
export const TOTAL_SLACK_MS = 300
const REPLACED_TIMEOUT_MS = 60_000

/**
 * One anchor sample: a raw `run -d` of the app container joined to a raw infra container (started first,
 * untimed; both removed afterwards). Each app gets its own infra: two demo servers in one network namespace
 * would fight over port 8080.
 */
async function rawAppStart(engine, runId, index) {
  const name = `tug-bench-${runId}-anchor${index}`
  const infra = await mustRun(engine, [
    'run',
    '--detach',
    '--pull=never',
    `--name=${name}-infra`,
    `--label=${BENCH_LABEL}=${runId}`,
    `--label=${BENCH_ROLE_LABEL}=infra`,
    '--',
    IMAGES.infra,
  ])
  const ms = await runRawApp(engine, runId, `${name}-app`, infra)
  await removeLabelled(engine, `${BENCH_LABEL}=${runId}`, BENCH_ROLE_LABEL)
  return ms
}

/**
 * Kills the app container of each named pod in turn and times its replacement; before each, one raw
 * `run -d` of the app container, so anchor and trials share the machine's load.
 */
export async function killTrials({engine, runId, plane, store, names}) {
  const trials = []
  for (const [index, name] of names.entries()) {
    const rawMs = await rawAppStart(engine, runId, index)
    await plane.settle()
    trials.push({rawMs, ...(await killTrial(engine, plane, store, name))})
  }
  return trials
}

async function killTrial(engine, plane, store, name) {
  store.refresh()
  const before = appStatus(store.pods.get(name))
  const id = before?.containerID?.split('://')[1]
  if (!id || !before.state?.running) throw new Error(`pod ${name} has no running app container to kill`)
  const kill = now()
  await mustRun(engine, ['kill', '--', id])
  const killed = now()
  plane.mark(`killed ${name}'s app container`, killed)
  const {at} = await store.until(
    `pod ${name}'s app container to be replaced`,
    (pods) => {
      const status = appStatus(pods.get(name))
      return status?.state?.running &&
        status.restartCount > before.restartCount &&
        status.containerID !== before.containerID
        ? true
        : undefined
    },
    REPLACED_TIMEOUT_MS,
  )
  plane.mark(`${name} Running again`, at)
  const ofPod = new RegExp(`--filter=label=io\\.tugboat\\.pod\\.name=${name}( |$)`)
  // From the start of `kill`: the kubelet may act before the command returns.
  const commands = plane.commandsSince(kill).filter((c) => c.start <= at)
  const run = commands.find((c) => c.verb === 'run' && c.args.includes(`_${name}_app_`))
  // The sync's first command: a list of the pod, a look at the killed container, or straight the new run.
  const first = commands.find((c) => ofPod.test(c.args) || c.args.includes(id) || c === run)
  const died = await finishedAt(engine, id)
  return {
    totalMs: at - killed,
    killMs: killed - kill,
    detectMs: first ? first.start - killed : NaN,
    diedToActMs: first && died !== undefined ? first.start - died : NaN,
    listMs: first && run ? run.start - first.start : NaN,
    runMs: run ? run.durationMs : NaN,
    statusMs: run ? at - run.end : NaN,
  }
}

/**
 * When the engine saw the container exit (its State.FinishedAt), on the benchmark's clock: the engine's
 * clock is this host's wall clock, and performance.timeOrigin is the wall time of the benchmark clock's zero.
 */
async function finishedAt(engine, id) {
  const inspected = await runCommand(engine, ['inspect', '--type=container', '--', id])
  try {
    const wall = Date.parse(JSON.parse(inspected.stdout)[0]?.State?.FinishedAt ?? '')
    return Number.isFinite(wall) ? wall - performance.timeOrigin : undefined
  } catch {
    return undefined // the kubelet removed it already: that trial has no figure from the exit
  }
}

function appStatus(pod) {
  return pod?.status?.containerStatuses?.find((status) => status.name === 'app')
}

/** Prints the restart figures of one engine. */
export function reportRestarts(report, trials) {
  const raw = trials.map((t) => t.rawMs)
  const rawMs = median(raw)
  report.figure(
    'raw run -d of the app container (anchor; one per trial)',
    rawMs,
    `median of ${raw.length}, ${spread(raw)}`,
  )
  const detection = (name, key) => {
    const samples = trials.map((t) => t[key]).filter(Number.isFinite)
    if (!samples.length)
      return report.note(`${name}: no sync of the killed pods found in the control plane log`)
    report.figure(
      `${name}, median`,
      median(samples),
      `max ${Math.round(max(samples))} ms; ${ratio(median(samples), rawMs, 'raw')}; target < ${DETECTION_TARGET_MS} ms: ` +
        `median ${verdict(median(samples) < DETECTION_TARGET_MS)}, max ${verdict(max(samples) < DETECTION_TARGET_MS)}`,
    )
  }
  detection('tug: kill returned -> kubelet acts', 'detectMs')
  detection('tug: container exited (engine) -> kubelet acts', 'diedToActMs')
  const total = trials.map((t) => t.totalMs)
  const limit = rawMs + TOTAL_SLACK_MS
  report.figure(
    'tug: kill returned -> replacement Running, median',
    median(total),
    `max ${Math.round(max(total))} ms; ${ratio(median(total), rawMs, 'raw')}; target < raw + ${TOTAL_SLACK_MS} = ` +
      `${Math.round(limit)} ms: median ${verdict(median(total) < limit)}, max ${verdict(max(total) < limit)}`,
  )
  const part = (key) => Math.round(median(trials.map((t) => t[key]).filter(Number.isFinite)))
  report.note(
    `${trials.length} trials; medians: \`kill\` itself ${part('killMs')} ms, detection ${part('detectMs')} ms, sync's list until run -d ${part('listMs')} ms, ` +
      `run -d ${part('runMs')} ms, run -d returned -> Running seen ${part('statusMs')} ms`,
  )
}
