/**
 * Crash safety of the control plane on real docker and podman: `tug up` (its own process) is killed with
 * SIGKILL at random moments while a ReplicaSet scales up and down, then started again, 20 times over. After
 * the last restart the cluster must converge: exactly the desired pods, Running, no container without a
 * pod, no object lost, and a change log without gaps.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {openApiServer} from '../../src/cli/context.js'
import type {ApiServer} from '../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Pod, StoredObject} from '../../src/core/api/types.js'
import {LABELS} from '../../src/core/runtime/container-runtime.js'
import {CliRuntime} from '../../src/runtime/cli-runtime.js'
import {ensureImages, probeEngines, reportMissingEngines} from '../support/engines.js'
import {TugUpProcess} from '../support/tug-up-process.js'
import {waitFor} from '../support/wait-for.js'

const RS = mustTypeForKind('ReplicaSet')
const POD = mustTypeForKind('Pod')
const TRIALS = 20

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'crash-safety integration tests')

describe.each(available)('the control plane on %s, killed at random moments', (engine) => {
  const home = mkdtempSync(join(tmpdir(), 'tug-crash-'))
  const runtime = new CliRuntime(engine)
  let api: ApiServer
  let plane: TugUpProcess | undefined

  beforeAll(async () => {
    await ensureImages(runtime)
    api = openApiServer(home)
  }, 200_000)

  afterAll(async () => {
    await plane?.interrupt()
    const uids = new Set(api.list(POD).map((pod) => pod.metadata.uid))
    api.store.close()
    // Everything the cluster of this state directory created: containers of its pods (and leftovers of
    // pods gone), found through the pods' uids seen over the test and the containers' own labels.
    for (const container of await runtime.listContainers({[LABELS.podNamespace]: 'default'}))
      if (
        seenUids.has(container.labels[LABELS.podUid] ?? '') ||
        uids.has(container.labels[LABELS.podUid] ?? '')
      )
        await runtime.removeContainer(container.id).catch(() => undefined)
    rmSync(home, {recursive: true, force: true})
  }, 120_000)

  const seenUids = new Set<string>()
  const remember = (): void => {
    for (const pod of api.list(POD)) seenUids.add(pod.metadata.uid)
  }

  const scaleTo = (replicas: number): void => {
    const live = api.find(RS, 'default', 'crash')
    const spec = {
      replicas,
      selector: {matchLabels: {app: 'crash'}},
      template: {
        metadata: {labels: {app: 'crash'}},
        spec: {
          terminationGracePeriodSeconds: 1,
          containers: [{name: 'web', image: 'tugboat/demo:v1', imagePullPolicy: 'Never'}],
        },
      },
    }
    if (live) api.update({...live, spec: {...(live.spec as object), replicas}})
    else
      api.create(
        {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'crash'}, spec},
        {namespace: 'default'},
      )
  }

  it(`converges after ${TRIALS} kill -9s during scale-ups and scale-downs`, async () => {
    let replicas = 3
    scaleTo(replicas)
    for (let trial = 0; trial < TRIALS; trial++) {
      plane = new TugUpProcess(home, ['--runtime', engine])
      // Let it come up (and, in some trials, get well into acting) before the scale and the crash.
      await sleep(600 + Math.random() * 1200)
      replicas = Math.floor(Math.random() * 7)
      scaleTo(replicas)
      await sleep(Math.random() * 1500)
      remember()
      if (!plane.running) throw new Error(`tug up ended by itself in trial ${trial}:\n${plane.tail()}`)
      await plane.crash()
    }
    remember()
    plane = new TugUpProcess(home, ['--runtime', engine])
    const running = await waitFor(
      () => {
        remember()
        const pods = activePods(api)
        return pods.length === replicas && pods.every(isRunning) ? pods : undefined
      },
      90_000,
      {
        what: `${replicas} running pods`,
        last: () => `${activePods(api).map(describePod).join(', ')}\n${plane?.tail()}`,
      },
    )
    expect(running).toHaveLength(replicas)
    // No container without a pod: every container of this cluster's pods belongs to a pod that exists.
    const live = new Set(api.list(POD).map((pod) => pod.metadata.uid))
    await waitFor(
      async () => {
        const stray = (await runtime.listContainers({[LABELS.podNamespace]: 'default'})).filter(
          (c) => seenUids.has(c.labels[LABELS.podUid] ?? '') && !live.has(c.labels[LABELS.podUid] ?? ''),
        )
        return stray.length === 0 ? true : undefined
      },
      30_000,
      {what: 'no container left without its pod'},
    )
    // Exactly one running app container per pod.
    const containers = await runtime.listContainers({[LABELS.podNamespace]: 'default'})
    for (const pod of running) {
      const apps = containers.filter(
        (c) =>
          c.labels[LABELS.podUid] === pod.metadata.uid &&
          c.labels[LABELS.role] !== 'infra' &&
          c.state === 'running',
      )
      expect(apps, `running app containers of ${pod.metadata.name}`).toHaveLength(1)
    }
    // Nothing lost, nothing duplicated, no gap in the change log.
    const rs = api.get(RS, 'default', 'crash')
    expect((rs.spec as {replicas: number}).replicas).toBe(replicas)
    const versions = api.store.changesSince(0, 1_000_000).map((change) => change.resourceVersion)
    expect(versions.every((version, i) => i === 0 || version === (versions[i - 1] ?? 0) + 1)).toBe(true)
  }, 300_000)
})

function activePods(api: ApiServer): (Pod & StoredObject)[] {
  return (api.list(POD, {namespace: 'default'}) as (Pod & StoredObject)[]).filter(
    (pod) => pod.metadata.labels?.app === 'crash' && !pod.metadata.deletionTimestamp,
  )
}

function isRunning(pod: Pod): boolean {
  const statuses = pod.status?.containerStatuses ?? []
  return pod.status?.phase === 'Running' && statuses.length === 1 && statuses.every((s) => s.state?.running)
}

function describePod(pod: Pod & StoredObject): string {
  return `${pod.metadata.name} ${pod.spec.nodeName ?? '-'} ${pod.status?.phase ?? '-'}`
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
