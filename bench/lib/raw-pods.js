// The anchor for pod start-up: the same containers a pod has, started with plain `<engine> run -d` and no
// orchestrator: an infra container that owns the network namespace and publishes the app's port on
// 127.0.0.1, then the app joined to it with `--network container:<infra>`.
import {inPool, mustRun, runCommand} from './commands.js'
import {IMAGES} from './engines.js'
import {now} from './timing.js'

/** The label on every container this benchmark starts itself; its value is the run's id. */
export const BENCH_LABEL = 'io.tugboat.bench.run'
/** `infra` or `app`: podman removes an infra container only after the containers that joined it. */
export const BENCH_ROLE_LABEL = 'io.tugboat.bench.role'

/** Starts one raw pod (infra, then app); resolves with the infra container's id. */
export async function runRawPod(engine, runId, name) {
  const common = ['run', '--detach', '--pull=never', `--label=${BENCH_LABEL}=${runId}`]
  const infra = await mustRun(engine, [
    ...common,
    `--name=${name}-infra`,
    `--label=${BENCH_ROLE_LABEL}=infra`,
    `--hostname=${name}`,
    '--publish=127.0.0.1::8080/tcp',
    '--',
    IMAGES.infra,
  ])
  await runRawApp(engine, runId, `${name}-app`, infra)
  return infra
}

/** Starts one raw app container in `infra`'s network namespace; resolves with its wall time in ms. */
export async function runRawApp(engine, runId, name, infra) {
  const start = now()
  await mustRun(engine, [
    'run',
    '--detach',
    '--pull=never',
    `--label=${BENCH_LABEL}=${runId}`,
    `--label=${BENCH_ROLE_LABEL}=app`,
    `--name=${name}`,
    `--network=container:${infra}`,
    '--',
    IMAGES.app,
  ])
  return now() - start
}

/** Wall time (ms) to start `count` raw pods, `parallelism` pods at a time. */
export async function timeRawPods(engine, runId, prefix, count, parallelism) {
  const names = Array.from({length: count}, (_, i) => `${prefix}-${i}`)
  const start = now()
  await inPool(names, parallelism, (name) => runRawPod(engine, runId, name))
  return now() - start
}

/**
 * Removes every container carrying `label` (`key=value`), those with `roleKey=app` first (podman refuses to
 * remove a container others joined), then the rest; checks that none is left.
 */
export async function removeLabelled(engine, label, roleKey) {
  const force = engine === 'podman' ? ['--force', '--time=0'] : ['--force']
  for (const filters of [
    [`--filter=label=${label}`, `--filter=label=${roleKey}=app`],
    [`--filter=label=${label}`],
  ]) {
    const ids = (await mustRun(engine, ['ps', '--all', '--quiet', ...filters])).split('\n').filter(Boolean)
    if (ids.length) await runCommand(engine, ['rm', ...force, '--volumes', ...ids])
  }
  const left = (await mustRun(engine, ['ps', '--all', '--quiet', `--filter=label=${label}`])).split('\n')
  if (left.some(Boolean))
    throw new Error(`${engine}: containers labelled ${label} are left: ${left.join(' ')}`)
  const volumes = (await mustRun(engine, ['volume', 'ls', '--quiet', `--filter=label=${label}`]))
    .split('\n')
    .filter(Boolean)
  if (volumes.length) await mustRun(engine, ['volume', 'rm', '--force', ...volumes])
}
