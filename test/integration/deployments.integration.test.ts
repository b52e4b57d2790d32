/**
 * Deployments on real docker and podman, driven the way a learner drives them: `tug apply`, `tug set image`,
 * `tug rollout status|history|undo|pause|resume` run in-process against a control plane running in the test
 * process (support/control-plane-cluster.ts). A rolling update is watched from the host through every pod's
 * published port: availability never drops below replicas - maxUnavailable and the pod count never passes
 * replicas + maxSurge. A version that never becomes ready stalls and is undone.
 */
import {describe, expect, it} from 'vitest'
import Apply from '../../src/commands/apply.js'
import History from '../../src/commands/rollout/history.js'
import Pause from '../../src/commands/rollout/pause.js'
import Resume from '../../src/commands/rollout/resume.js'
import Status from '../../src/commands/rollout/status.js'
import Undo from '../../src/commands/rollout/undo.js'
import SetImage from '../../src/commands/set/image.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Deployment, StoredObject} from '../../src/core/api/types.js'
import {hostPortFor} from '../../src/core/kubelet/host-ports.js'
import type {StoredPod, ControlPlaneCluster} from '../support/control-plane-cluster.js'
import {useControlPlaneCluster} from '../support/control-plane-cluster.js'
import {probeEngines, reportMissingEngines} from '../support/engines.js'
import {runTug} from '../support/run-tug.js'
import {waitFor} from '../support/wait-for.js'

const DEPLOYMENT = mustTypeForKind('Deployment')

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'deployment integration tests')

/** A Deployment of the demo image with a readiness probe on /healthz, as a learner would write it. */
function manifest(
  name: string,
  replicas: number,
  strategy: 'RollingUpdate' | 'Recreate' = 'RollingUpdate',
  note = 'first',
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  progressDeadlineSeconds: 8
  strategy:
    type: ${strategy}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
      annotations: {note: ${note}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
      - name: web
        image: tugboat/demo:v1
        imagePullPolicy: Never
        ports: [{containerPort: 8080}]
        readinessProbe:
          httpGet: {path: /healthz, port: 8080}
          periodSeconds: 1
`
}

describe.each(available)('deployments on %s', (engine) => {
  let cluster: ControlPlaneCluster
  const tug = (command: Parameters<typeof runTug>[0], argv: string[], stdin?: string) =>
    runTug(command, argv, cluster.stateDir, stdin)

  useControlPlaneCluster(engine, (made) => (cluster = made))

  /** Pods of `app` that are not terminating. */
  const live = (app: string) => cluster.pods(`app=${app}`).filter((pod) => !pod.metadata.deletionTimestamp)

  /** How many of the pods the store calls Ready answer on their published port, asked once each. */
  const answering = async (pods: StoredPod[]) => {
    const answers = await Promise.all(
      pods.map(async (pod) => {
        const port = hostPortFor(pod, 8080)
        if (!port) return false
        try {
          const response = await fetch(`http://127.0.0.1:${port}/`, {signal: AbortSignal.timeout(800)})
          return response.ok && (await response.text()).length > 0
        } catch {
          return false
        }
      }),
    )
    return answers.filter(Boolean).length
  }

  it('rolls 4 replicas from v1 to v2 without dropping below 3 serving pods or passing 5 pods', async () => {
    expect((await tug(Apply, ['-f', '-'], manifest('web', 4))).stdout).toBe('deployment.apps/web created\n')
    expect((await tug(Status, ['deployment/web', '--timeout=60s'])).exitCode).toBe(0)
    await waitFor(
      async () => ((await answering(cluster.readyPods('app=web'))) === 4 ? true : undefined),
      30_000,
      {
        what: '4 answering pods',
      },
    )

    let minServing = Infinity
    let maxPods = 0
    let probes = 0
    let rolling = true
    // Bounded: at most one round of 5 requests every 150 ms while the rollout runs (about 60 s at most).
    const prober = (async () => {
      while (rolling && probes < 400) {
        probes++
        maxPods = Math.max(maxPods, live('web').length)
        minServing = Math.min(minServing, await answering(cluster.readyPods('app=web')))
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
    })()
    const set = await tug(SetImage, ['deployment/web', 'web=tugboat/demo:v2'])
    expect(set.stdout).toBe('deployment.apps/web image updated\n')
    const status = await tug(Status, ['deployment/web', '--timeout=90s'])
    rolling = false
    await prober
    expect(status.stdout).toContain('deployment "web" successfully rolled out\n')
    expect(status.exitCode).toBe(0)
    expect(minServing).toBeGreaterThanOrEqual(3)
    expect(maxPods).toBeLessThanOrEqual(5)
    expect(probes).toBeGreaterThan(3)
    const images = cluster.readyPods('app=web').map((pod) => pod.spec.containers[0]?.image)
    expect(images).toEqual(Array(4).fill('tugboat/demo:v2'))
  }, 180_000)

  it('stalls a version that never becomes ready, keeps the old pods serving, and undoes it', async () => {
    await tug(SetImage, ['deployment/web', 'web=tugboat/demo:unready'])
    const stalled = await tug(Status, ['deployment/web', '--timeout=60s'])
    expect(stalled.stderr).toContain('error: deployment "web" exceeded its progress deadline')
    expect(stalled.exitCode).toBe(1)
    const serving = cluster.readyPods('app=web')
    expect(serving.length).toBeGreaterThanOrEqual(3)
    expect(serving.every((pod) => pod.spec.containers[0]?.image === 'tugboat/demo:v2')).toBe(true)

    expect((await tug(Undo, ['deployment/web'])).stdout).toBe('deployment.apps/web rolled back\n')
    expect((await tug(Status, ['deployment/web', '--timeout=60s'])).exitCode).toBe(0)
    await waitFor(() => (live('web').length === 4 ? true : undefined), 30_000, {
      what: 'the stalled pods gone',
    })
    const history = await tug(History, ['deployment/web'])
    expect(history.stdout).toBe(
      'deployment.apps/web \n' +
        'REVISION  CHANGE-CAUSE\n' +
        '1         tug apply -f -\n' +
        '3         tug set image deployment/web web=tugboat/demo:unready\n' +
        '4         tug set image deployment/web web=tugboat/demo:v2\n\n',
    )
  }, 180_000)

  it('makes one revision of two edits made while paused', async () => {
    const revision = () =>
      (cluster.api.get(DEPLOYMENT, 'default', 'web') as Deployment & StoredObject).metadata.annotations?.[
        'deployment.kubernetes.io/revision'
      ]
    const before = Number(revision())
    expect((await tug(Pause, ['deployment/web'])).stdout).toBe('deployment.apps/web paused\n')
    // Two templates no replica set has had yet (a template equal to an old one would renumber that old
    // replica set even while paused, as Kubernetes does).
    await tug(Apply, ['-f', '-'], manifest('web', 4, 'RollingUpdate', 'second'))
    await tug(Apply, ['-f', '-'], manifest('web', 4, 'RollingUpdate', 'third'))
    // Once the controller has observed both edits, it has had its chance to make a revision.
    await waitFor(
      () => {
        const d = cluster.api.get(DEPLOYMENT, 'default', 'web') as Deployment & StoredObject
        return d.status?.observedGeneration === d.metadata.generation ? true : undefined
      },
      20_000,
      {what: 'the edits observed'},
    )
    expect(Number(revision())).toBe(before)
    expect((await tug(Resume, ['deployment/web'])).stdout).toBe('deployment.apps/web resumed\n')
    expect((await tug(Status, ['deployment/web', '--timeout=90s'])).exitCode).toBe(0)
    expect(Number(revision())).toBe(before + 1)
  }, 180_000)

  it('recreates: every old pod is gone before a new one starts', async () => {
    await tug(Apply, ['-f', '-'], manifest('re', 2, 'Recreate'))
    expect((await tug(Status, ['deployment/re', '--timeout=60s'])).exitCode).toBe(0)
    let overlap = false
    let watching = true
    const watcher = (async () => {
      while (watching) {
        const images = new Set(live('re').map((pod) => pod.spec.containers[0]?.image))
        if (images.size > 1) overlap = true
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    await tug(SetImage, ['deployment/re', 'web=tugboat/demo:v2'])
    const status = await tug(Status, ['deployment/re', '--timeout=90s'])
    watching = false
    await watcher
    expect(status.exitCode).toBe(0)
    expect(overlap).toBe(false)
  }, 180_000)
})
