/**
 * `tug get -o yaml` prints valid Kubernetes YAML: every kind's output passes the Kubernetes OpenAPI schema
 * (the validators kubernetes-models generates from it) and applies again unchanged.
 */
import {Deployment} from 'kubernetes-models/apps/v1/Deployment'
import {ReplicaSet} from 'kubernetes-models/apps/v1/ReplicaSet'
import {Namespace} from 'kubernetes-models/v1/Namespace'
import {Pod} from 'kubernetes-models/v1/Pod'
import {ReplicationController} from 'kubernetes-models/v1/ReplicationController'
import {Service} from 'kubernetes-models/v1/Service'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import Apply from '../../src/commands/apply.js'
import Get from '../../src/commands/get.js'
import {unknownFields} from '../../src/core/api/schema/unknown-fields.js'
import type {KubeObject} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'

const template = {
  metadata: {labels: {app: 'web'}},
  spec: {
    containers: [
      {
        name: 'web',
        image: 'tugboat/demo:v1',
        ports: [{containerPort: 8080, name: 'http'}],
        env: [{name: 'MODE', value: 'demo'}],
        resources: {limits: {cpu: '500m', memory: '128Mi'}, requests: {cpu: '100m', memory: '64Mi'}},
        readinessProbe: {httpGet: {path: '/healthz', port: 8080}},
        livenessProbe: {tcpSocket: {port: 'http'}},
        volumeMounts: [{name: 'scratch', mountPath: '/scratch'}],
      },
      {name: 'helper', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600']},
    ],
    volumes: [{name: 'scratch', emptyDir: {}}],
  },
}

const models: Record<string, new (data: KubeObject) => {validate(): void}> = {
  Pod: Pod as never,
  ReplicationController: ReplicationController as never,
  ReplicaSet: ReplicaSet as never,
  Deployment: Deployment as never,
  Service: Service as never,
  Namespace: Namespace as never,
}
const objects: KubeObject[] = [
  {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}},
  {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', labels: {app: 'web'}}, spec: template.spec},
  {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {name: 'web-rc'},
    spec: {replicas: 2, template},
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name: 'web-rs'},
    spec: {
      replicas: 2,
      selector: {matchExpressions: [{key: 'app', operator: 'In', values: ['web']}]},
      template,
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', annotations: {'kubernetes.io/change-cause': 'first version'}},
    spec: {
      replicas: 3,
      selector: {matchLabels: {app: 'web'}},
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: '10%'}},
      minReadySeconds: 2,
      template,
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'web'},
    spec: {type: 'NodePort', selector: {app: 'web'}, ports: [{name: 'http', port: 80, targetPort: 'http'}]},
  },
]

describe('tug get -o yaml is valid Kubernetes YAML', () => {
  const home = tempHome()
  beforeAll(async () => {
    const file = join(home.home, 'all.yaml')
    writeFileSync(file, objects.map((object) => JSON.stringify(object)).join('\n---\n'))
    expect((await runTug(Apply, ['-f', file], home.home)).exitCode).toBe(0)
  })
  afterAll(() => home.cleanup())

  it.each(objects.map((object) => [object.kind, object.metadata.name] as const))(
    '%s %s passes the OpenAPI schema and applies unchanged',
    async (kind, name) => {
      const {stdout, exitCode} = await runTug(Get, [kind.toLowerCase(), name ?? '', '-o', 'yaml'], home.home)
      expect(exitCode).toBe(0)
      const printed = parse(stdout) as KubeObject
      expect(printed.kind).toBe(kind)
      expect(() => new models[kind]!(printed).validate()).not.toThrow()
      expect(unknownFields(printed)).toEqual([])

      const again = join(home.home, `${kind}.yaml`)
      writeFileSync(again, stdout)
      const applied = await runTug(Apply, ['-f', again], home.home)
      expect(applied.stdout).toMatch(/ (unchanged|configured)\n$/)
    },
  )
})
