/**
 * Services on real docker and podman: a NodePort Service in front of a ReplicaSet, reached from the host on
 * 127.0.0.1:<nodePort> through `tug up`'s service proxy (the control plane runs in the test process). New
 * connections go round robin to the ready pods; a pod that never passes its readiness probe gets none.
 * Requests go only to 127.0.0.1 and are bounded in number and time.
 */
import {get} from 'node:http'
import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Service} from '../../src/core/api/types.js'
import type {ControlPlaneCluster} from '../support/control-plane-cluster.js'
import {useControlPlaneCluster} from '../support/control-plane-cluster.js'
import {probeEngines, reportMissingEngines} from '../support/engines.js'
import {waitFor} from '../support/wait-for.js'

const SERVICE = mustTypeForKind('Service')
const ENDPOINTS = mustTypeForKind('Endpoints')

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'service integration tests')

/** One GET on a fresh connection (no keep-alive, so each request is a new connection to balance). */
function getOnce(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = get({host: '127.0.0.1', port, path: '/', agent: false, timeout: 2000}, (response) => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve(body.trim()))
    })
    request.on('timeout', () => request.destroy(new Error('timed out')))
    request.on('error', reject)
  })
}

const container = (image: string) => ({
  name: 'web',
  image,
  imagePullPolicy: 'Never',
  ports: [{containerPort: 8080}],
  readinessProbe: {httpGet: {path: '/healthz', port: 8080}, periodSeconds: 1},
})

describe.each(available)('services on %s', (engine) => {
  let cluster: ControlPlaneCluster

  useControlPlaneCluster(engine, (made) => (cluster = made))

  it('balances new connections round robin over the ready pods and never sends one to an unready pod', async () => {
    cluster.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {name: 'web'},
      spec: {
        replicas: 3,
        selector: {matchLabels: {app: 'web', owner: 'rs'}},
        template: {
          metadata: {labels: {app: 'web', owner: 'rs'}},
          spec: {terminationGracePeriodSeconds: 2, containers: [container('tugboat/demo:v1')]},
        },
      },
    })
    // Serves, but its health endpoint fails: it matches the Service's selector (not the ReplicaSet's, which
    // would adopt it) and must get no traffic.
    cluster.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'sick', labels: {app: 'web'}},
      spec: {terminationGracePeriodSeconds: 2, containers: [container('tugboat/demo:unready')]},
    })
    const service = cluster.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web'},
      spec: {type: 'NodePort', selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080}]},
    }) as Service
    const nodePort = service.spec.ports?.[0]?.nodePort ?? 0
    expect(nodePort).toBeGreaterThanOrEqual(30000)

    const ready = await waitFor(
      () => {
        const endpoints = cluster.api.find(ENDPOINTS, 'default', 'web') as
          {subsets?: {addresses?: unknown[]; notReadyAddresses?: unknown[]}[]} | undefined
        const subset = endpoints?.subsets?.[0]
        return subset?.addresses?.length === 3 && subset.notReadyAddresses?.length === 1 ? subset : undefined
      },
      60_000,
      {what: '3 ready and 1 not-ready address', last: () => cluster.api.find(ENDPOINTS, 'default', 'web')},
    )
    expect(ready.addresses).toHaveLength(3)

    const answers: string[] = []
    for (let i = 0; i < 30; i++) answers.push(await getOnce(nodePort))
    const pods = cluster.readyPods('app=web').map((pod) => pod.metadata.name)
    expect(pods).toHaveLength(3)
    for (const pod of pods)
      expect(
        answers.some((answer) => answer.includes(pod)),
        `answers from ${pod}`,
      ).toBe(true)
    expect(answers.some((answer) => answer.includes('sick'))).toBe(false)
    expect(cluster.api.get(SERVICE, 'default', 'web').metadata.name).toBe('web')
  }, 120_000)
})
