// Removing what the control plane's kubelets created for the benchmark: the containers of the pods it wrote,
// found by their pod uid label (node names are the cluster's own, node01..., so they do not single out this
// run). Apps go before infra containers, as podman refuses to remove a container others joined.
import {mustRun, runCommand} from './commands.js'

/** Removes every Tugboat container whose pod uid is one of `uids`; checks that none is left. */
export async function removePodContainers(engine, uids) {
  const ours = async () => {
    const ids = (
      await mustRun(engine, [
        'ps',
        '--all',
        '--quiet',
        '--no-trunc',
        '--filter=label=io.tugboat.managed-by=tugboat',
      ])
    )
      .split('\n')
      .filter(Boolean)
    if (!ids.length) return []
    // Some may go while this looks (inspect exits non-zero then, but prints the others).
    const inspected = await runCommand(engine, ['inspect', '--type=container', '--', ...ids])
    const containers = JSON.parse(inspected.stdout || '[]')
    return containers
      .map((c) => ({id: c.Id, labels: c.Config?.Labels ?? {}}))
      .filter((c) => uids.has(c.labels['io.tugboat.pod.uid']))
  }
  const force = engine === 'podman' ? ['--force', '--time=0'] : ['--force']
  const found = await ours()
  for (const role of ['app', 'infra']) {
    const ids = found
      .filter((c) => (c.labels['io.tugboat.role'] === 'infra') === (role === 'infra'))
      .map((c) => c.id)
    if (ids.length) await runCommand(engine, ['rm', ...force, '--volumes', '--', ...ids])
  }
  const left = await ours()
  if (left.length)
    throw new Error(
      `${engine}: containers of the benchmark's pods are left: ${left.map((c) => c.id).join(' ')}`,
    )
}
