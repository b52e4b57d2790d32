import {describe, expect, it} from 'vitest'
import type {Container, Pod} from '../../../../src/core/api/types.js'
import {
  appContainerSpec,
  infraContainerSpec,
  publishedPorts,
} from '../../../../src/core/kubelet/container-spec.js'
import {SANDBOX_LABEL, specHash} from '../../../../src/core/kubelet/naming.js'
import {LABELS, MANAGED_BY} from '../../../../src/core/runtime/container-runtime.js'

const UID = '3f2a9c1e-0000-4000-8000-000000000001'

function pod(containers: Container[], extra: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'web', namespace: 'shop', uid: UID, labels: {app: 'web'}},
    spec: {nodeName: 'node01', terminationGracePeriodSeconds: 10, containers, ...extra},
  }
}

const run = {node: 'node01', attempt: 2, infraId: 'infra-id', infraAttempt: 1, podIP: '10.88.0.9'}

describe('infraContainerSpec', () => {
  it('names, labels and publishes the sandbox with the pod name as hostname', () => {
    const spec = infraContainerSpec(
      pod([{name: 'app', ports: [{containerPort: 80}]}]),
      'node01',
      'tugboat/pause:3.9',
      0,
    )
    expect(spec).toMatchObject({
      name: 'tug_shop_web_POD_3f2a9c1e_0',
      image: 'tugboat/pause:3.9',
      hostname: 'web',
      publish: [{containerPort: 80, protocol: 'tcp'}],
      labels: {
        [LABELS.managedBy]: MANAGED_BY,
        [LABELS.podUid]: UID,
        [LABELS.podName]: 'web',
        [LABELS.podNamespace]: 'shop',
        [LABELS.node]: 'node01',
        [LABELS.container]: 'POD',
        [LABELS.role]: 'infra',
        [LABELS.attempt]: '0',
      },
    })
  })
})

describe('publishedPorts', () => {
  it('publishes every container port and the ports probes reach, once each, skipping SCTP', () => {
    const containers: Container[] = [
      {
        name: 'a',
        ports: [
          {name: 'http', containerPort: 8080},
          {containerPort: 53, protocol: 'UDP'},
          {containerPort: 9, protocol: 'SCTP'},
        ],
        livenessProbe: {httpGet: {path: '/healthz', port: 'http'}},
        readinessProbe: {tcpSocket: {port: 9090}},
      },
      {name: 'b', ports: [{containerPort: 8080}]},
    ]
    expect(publishedPorts(pod(containers))).toEqual([
      {containerPort: 53, protocol: 'udp'},
      {containerPort: 8080, protocol: 'tcp'},
      {containerPort: 9090, protocol: 'tcp'},
    ])
  })
})

describe('appContainerSpec', () => {
  it('joins the infra network and carries command, args, env, workdir, mounts and limits', () => {
    const container: Container = {
      name: 'app',
      image: 'tugboat/demo:v1',
      command: ['sh', '-c'],
      args: ['echo $(GREETING) from $(POD_NAME) $$(NOT_EXPANDED) $(UNKNOWN)'],
      workingDir: '/srv',
      env: [
        {name: 'POD_NAME', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}},
        {name: 'GREETING', value: 'hello $(POD_NAME)'},
        {name: 'POD_IP', valueFrom: {fieldRef: {fieldPath: 'status.podIP'}}},
        {name: 'APP', valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}},
      ],
      volumeMounts: [
        {name: 'cache', mountPath: '/cache', readOnly: true},
        {name: 'config', mountPath: '/etc/x'},
      ],
      resources: {limits: {memory: '64Mi', cpu: '250m'}},
    }
    const volumes = [
      {name: 'cache', emptyDir: {}},
      {name: 'config', configMap: {name: 'x'}},
    ]
    const built = appContainerSpec(pod([container], {volumes}), container, run)
    expect(built).toEqual({
      spec: {
        name: 'tug_shop_web_app_3f2a9c1e_2',
        image: 'tugboat/demo:v1',
        labels: expect.objectContaining({
          [LABELS.role]: 'app',
          [LABELS.container]: 'app',
          [LABELS.attempt]: '2',
          [LABELS.specHash]: specHash(container),
          [SANDBOX_LABEL]: '1',
        }) as unknown,
        entrypoint: ['sh', '-c'],
        args: ['echo hello web from web $(NOT_EXPANDED) $(UNKNOWN)'],
        env: {POD_NAME: 'web', GREETING: 'hello web', POD_IP: '10.88.0.9', APP: 'web'},
        workingDir: '/srv',
        hostname: 'web',
        networkOf: 'infra-id',
        mounts: [{volume: `tug_${UID}_cache`, path: '/cache', readOnly: true}],
        memoryBytes: 64 * 1024 * 1024,
        nanoCpus: 250_000_000,
        stopTimeoutSeconds: 10,
      },
    })
  })

  it('reports an env source Tugboat cannot fill as a configuration error', () => {
    const container: Container = {
      name: 'app',
      env: [{name: 'PASSWORD', valueFrom: {secretKeyRef: {name: 's', key: 'k'}}}],
    }
    expect(appContainerSpec(pod([container]), container, run)).toEqual({
      error: 'env PASSWORD: Tugboat supports valueFrom.fieldRef only',
    })
  })
})

describe('specHash', () => {
  it('changes with the image and not with key order', () => {
    expect(specHash({name: 'a', image: 'x:1'})).toBe(specHash({image: 'x:1', name: 'a'}))
    expect(specHash({name: 'a', image: 'x:1'})).not.toBe(specHash({name: 'a', image: 'x:2'}))
  })
})
