/** A kubelet for node01 over an in-memory store and the fake runtime, on a fake clock. */
import {ApiServer} from '../../../../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import {ensureSystemNamespaces} from '../../../../../src/core/api/system-namespaces.js'
import type {Container, KubeEvent, Pod, PodSpec} from '../../../../../src/core/api/types.js'
import type {KubeletOptions} from '../../../../../src/core/kubelet/kubelet.js'
import {Kubelet} from '../../../../../src/core/kubelet/kubelet.js'
import {openStore} from '../../../../../src/db/store.js'
import {FakeRuntime} from '../../../../../src/runtime/fake-runtime.js'
import {FakeClock} from '../../../../support/fake-clock.js'

export const NODE = 'node01'
export const POD = mustTypeForKind('Pod')
export const DEMO = 'tugboat/demo:v1'
export const PAUSE = 'tugboat/pause:3.9'

/** A pod bound to node01 with one container `app` unless the spec says otherwise. */
export function podManifest(
  name: string,
  spec: Partial<PodSpec> = {},
  container: Partial<Container> = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name},
    spec: {nodeName: NODE, containers: [{name: 'app', image: DEMO, ...container}], ...spec},
  }
}

/** The parts of a test cluster. */
export type Harness = ReturnType<typeof kubeletHarness>

/** A fresh cluster with one kubelet; more kubelets over the same runtime come from `newKubelet`. */
export function kubeletHarness(options: Partial<KubeletOptions> = {}) {
  const clock = new FakeClock()
  let uid = 0
  const api = new ApiServer(openStore(':memory:'), {
    now: () => new Date(clock.now()),
    newUid: () => `a1b2c3d4-0000-4000-8000-${String(++uid).padStart(12, '0')}`,
    random: () => 0.5,
  })
  ensureSystemNamespaces(api)
  const runtime = new FakeRuntime({now: () => clock.now(), images: [PAUSE, DEMO]})
  const logs: string[] = []
  const newKubelet = (): Kubelet =>
    new Kubelet({
      node: NODE,
      api,
      runtime,
      clock,
      log: (component, message) => logs.push(`${component}: ${message}`),
      watchIntervalMs: 5,
      ...options,
    })
  const kubelet = newKubelet()
  return {
    clock,
    api,
    runtime,
    logs,
    kubelet,
    newKubelet,
    create: (pod: Pod): Pod => api.create(pod) as unknown as Pod,
    pod: (name: string): Pod | undefined => api.find(POD, 'default', name) as unknown as Pod | undefined,
    events: (name: string): string[] =>
      api.store
        .listEvents({namespace: 'default', involvedName: name})
        .map((e: KubeEvent) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`),
  }
}
