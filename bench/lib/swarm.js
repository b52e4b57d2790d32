// Context for the pod start-up figure: Docker Swarm's time to run the same image as ten replicas on the same
// engine. A swarm is initialised on 127.0.0.1 only if the engine is not in one yet, and left afterwards; the
// service has no published ports, so nothing listens beyond what the containers themselves open.
import {mustRun, runCommand} from './commands.js'
import {IMAGES} from './engines.js'
import {now, poll, sleep} from './timing.js'

/** The network `docker swarm init` creates for the containers of services. */
const GATEWAY_BRIDGE = 'docker_gwbridge'

/**
 * Times `docker service create --replicas <n>` until `docker service ls` shows n/n. Resolves with
 * {ms} or {why} when swarm cannot run here. Looks every 100 ms (each look is a docker client run).
 */
export async function timeSwarmService(runId, replicas) {
  const state = await runCommand('docker', ['info', '--format={{.Swarm.LocalNodeState}}'], {
    timeoutMs: 15_000,
  })
  if (state.code !== 0) return {why: `docker info failed: ${state.stderr.trim()}`}
  const joined = state.stdout.trim() === 'active'
  // `swarm init` also creates the docker_gwbridge network, which `swarm leave` keeps: it goes too, if new.
  const hadBridge = (await runCommand('docker', ['network', 'inspect', GATEWAY_BRIDGE])).code === 0
  if (!joined) {
    const init = await runCommand('docker', ['swarm', 'init', '--advertise-addr=127.0.0.1'], {
      timeoutMs: 60_000,
    })
    if (init.code !== 0) {
      if (!hadBridge) await runCommand('docker', ['network', 'rm', GATEWAY_BRIDGE])
      return {why: `docker swarm init failed: ${lastLine(init.stderr)}`}
    }
  }
  const name = `tug-bench-${runId}`
  try {
    const start = now()
    const created = await runCommand('docker', [
      'service',
      'create',
      '--detach',
      `--name=${name}`,
      `--replicas=${replicas}`,
      `--label=io.tugboat.bench.run=${runId}`,
      `--container-label=io.tugboat.bench.run=${runId}`,
      '--',
      IMAGES.app,
    ])
    if (created.code !== 0) return {why: `docker service create failed: ${lastLine(created.stderr)}`}
    const want = `${replicas}/${replicas}`
    const {at} = await poll(
      `swarm service ${name} to show ${want}`,
      async () => {
        const ls = await runCommand('docker', [
          'service',
          'ls',
          `--filter=name=${name}`,
          '--format={{.Replicas}}',
        ])
        return ls.stdout.trim().startsWith(want) ? true : undefined
      },
      {timeoutMs: 180_000, intervalMs: 100},
    )
    return {ms: at - start, joined}
  } finally {
    await runCommand('docker', ['service', 'rm', name])
    await waitForNoContainers(runId)
    if (!joined) {
      await mustRun('docker', ['swarm', 'leave', '--force'], {timeoutMs: 60_000})
      if (!hadBridge) await runCommand('docker', ['network', 'rm', GATEWAY_BRIDGE])
    }
  }
}

/** The service's containers go shortly after `service rm`; waits (bounded) so none outlives the bench. */
async function waitForNoContainers(runId) {
  for (let tries = 0; tries < 100; tries++) {
    const ps = await runCommand('docker', [
      'ps',
      '--all',
      '--quiet',
      `--filter=label=io.tugboat.bench.run=${runId}`,
    ])
    if (!ps.stdout.trim()) return
    await sleep(200)
  }
}

function lastLine(text) {
  return text.trim().split('\n').pop() ?? ''
}
