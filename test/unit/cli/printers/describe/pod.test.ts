// kubectl prints times in the local zone; pin it so the expected text is the same on every machine.
process.env.TZ = 'UTC'

import {describe, expect, it} from 'vitest'
import {describeObject} from '../../../../../src/cli/printers/describe/index.js'
import type {KubeEvent} from '../../../../../src/core/api/types.js'
import {ago, event, NOW, pod, running} from '../fixtures.js'

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`

function runningPod() {
  const subject = pod('web-7d4b9c-2xk8p', {
    startTime: ago(300),
    conditions: [
      {type: 'Initialized', status: 'True'},
      {type: 'Ready', status: 'True'},
      {type: 'ContainersReady', status: 'True'},
      {type: 'PodScheduled', status: 'True'},
    ],
  })
  subject.metadata.ownerReferences = [
    {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c', uid: 'uid-web-7d4b9c', controller: true},
  ]
  subject.spec.serviceAccountName = 'default'
  subject.spec.priority = 0
  subject.spec.containers[0]!.ports = [{containerPort: 80, protocol: 'TCP'}]
  subject.spec.tolerations = [
    {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
    {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
  ]
  return subject
}

const HEAD = [
  'Name:             web-7d4b9c-2xk8p',
  'Namespace:        default',
  'Priority:         0',
  'Service Account:  default',
  'Node:             node-1/172.18.0.3',
  'Start Time:       Tue, 14 May 2024 11:55:00 +0000',
  'Labels:           app=web',
  '                  pod-template-hash=7d4b9c',
  'Annotations:      <none>',
  'Status:           Running',
  'IP:               10.244.1.5',
  'IPs:',
  '  IP:           10.244.1.5',
  'Controlled By:  ReplicaSet/web-7d4b9c',
  'Containers:',
  '  web:',
  '    Container ID:   docker://web123',
  '    Image:          nginx:1.25',
  '    Image ID:       docker.io/library/nginx@sha256:abc',
  '    Port:           80/TCP',
  '    Host Port:      0/TCP',
  '    State:          Running',
  '      Started:      Tue, 14 May 2024 11:55:10 +0000',
  '    Ready:          True',
  '    Restart Count:  0',
  '    Environment:    <none>',
  '    Mounts:         <none>',
  'Conditions:',
  '  Type              Status',
  '  Initialized       True ',
  '  Ready             True ',
  '  ContainersReady   True ',
  '  PodScheduled      True ',
  'Volumes:            <none>',
  'QoS Class:          BestEffort',
  'Node-Selectors:     <none>',
  'Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  '                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
]

describe('describe pod', () => {
  it('prints a running pod like kubectl, with Events: <none> aligned to the block above', () => {
    expect(describeObject(runningPod(), [], {}, NOW)).toBe(lines(...HEAD, 'Events:             <none>'))
  })

  it('prints events oldest first with repeat counts as `last (xN over first)`', () => {
    const subject = runningPod()
    const events: KubeEvent[] = [
      event('Pod', 'web-7d4b9c-2xk8p', 'BackOff', 'Back-off restarting failed container web', {
        type: 'Warning',
        count: 3,
        first: 120,
        last: 12,
      }),
      event(
        'Pod',
        'web-7d4b9c-2xk8p',
        'Scheduled',
        'Successfully assigned default/web-7d4b9c-2xk8p to node-1',
        {component: 'default-scheduler', first: 300},
      ),
      event(
        'Pod',
        'web-7d4b9c-2xk8p',
        'Pulled',
        'Container image "nginx:1.25" already present on machine  ',
        {first: 299},
      ),
    ]
    expect(describeObject(subject, events, {}, NOW)).toBe(
      lines(
        ...HEAD,
        'Events:',
        '  Type     Reason     Age               From               Message',
        '  ----     ------     ----              ----               -------',
        '  Normal   Scheduled  5m                default-scheduler  Successfully assigned default/web-7d4b9c-2xk8p to node-1',
        '  Normal   Pulled     4m59s             kubelet            Container image "nginx:1.25" already present on machine',
        '  Warning  BackOff    12s (x3 over 2m)  kubelet            Back-off restarting failed container web',
      ),
    )
  })

  it('prints a crash-looping container with its last state, resources, probes, environment and mounts', () => {
    const subject = pod('worker', {
      phase: 'Running',
      podIP: undefined,
      podIPs: [],
      conditions: [{type: 'Ready', status: 'False'}],
      containerStatuses: [
        running('worker', {
          ready: false,
          restartCount: 4,
          state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s'}},
          lastState: {terminated: {exitCode: 1, reason: 'Error', startedAt: ago(70), finishedAt: ago(65)}},
        }),
      ],
    })
    subject.spec.nodeName = undefined
    subject.metadata.labels = {}
    subject.metadata.annotations = {'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'hello'}
    subject.spec.containers = [
      {
        name: 'worker',
        image: 'busybox',
        command: ['sh', '-c'],
        args: ['echo start\nexit 1'],
        ports: [
          {containerPort: 8080, protocol: 'TCP', name: 'http'},
          {containerPort: 9090, protocol: 'UDP'},
        ],
        resources: {limits: {cpu: '0.5', memory: '134217728'}, requests: {cpu: '250m'}},
        livenessProbe: {httpGet: {path: '/healthz', port: 8080}, periodSeconds: 5},
        readinessProbe: {exec: {command: ['cat', '/tmp/ready']}, initialDelaySeconds: 3},
        startupProbe: {tcpSocket: {port: 'http'}},
        env: [
          {name: 'MODE', value: 'batch'},
          {name: 'POD_NAME', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}},
          {name: 'POD_IP', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'status.podIP'}}},
          {name: 'TOKEN', valueFrom: {secretKeyRef: {name: 'creds', key: 'token'}}},
        ],
        volumeMounts: [
          {name: 'scratch', mountPath: '/tmp'},
          {name: 'config', mountPath: '/etc/app', readOnly: true, subPath: 'app.conf'},
        ],
      },
    ]
    subject.spec.volumes = [
      {name: 'scratch', emptyDir: {}},
      {name: 'config', configMap: {name: 'app'}},
    ]
    expect(describeObject(subject, [], {}, NOW)).toBe(
      lines(
        'Name:         worker',
        'Namespace:    default',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  note: hello',
        'Status:       Running',
        'IP:           ',
        'IPs:          <none>',
        'Containers:',
        '  worker:',
        '    Container ID:  docker://worker123',
        '    Image:         busybox',
        '    Image ID:      docker.io/library/nginx@sha256:abc',
        '    Ports:         8080/TCP, 9090/UDP',
        '    Host Ports:    0/TCP, 0/UDP',
        '    Command:',
        '      sh',
        '      -c',
        '    Args:',
        '      echo start',
        '      exit 1',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Tue, 14 May 2024 11:58:50 +0000',
        '      Finished:     Tue, 14 May 2024 11:58:55 +0000',
        '    Ready:          False',
        '    Restart Count:  4',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  134217728',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   134217728',
        '    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=5s #success=1 #failure=3',
        '    Readiness:  exec [cat /tmp/ready] delay=3s timeout=1s period=10s #success=1 #failure=3',
        '    Startup:    tcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      MODE:      batch',
        '      POD_NAME:  worker (v1:metadata.name)',
        '      POD_IP:     (v1:status.podIP)',
        "      TOKEN:     <set to the key 'token' in secret 'creds'>  Optional: false",
        '    Mounts:',
        '      /etc/app from config (ro,path="app.conf")',
        '      /tmp from scratch (rw)',
        'Conditions:',
        '  Type    Status',
        '  Ready   False ',
        'Volumes:',
        '  scratch:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     ',
        '    SizeLimit:  <unset>',
        '  config:',
        '    Type:        ConfigMap (a volume populated by a ConfigMap)',
        '    Name:        app',
        '    Optional:    false',
        'QoS Class:       Burstable',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
      ),
    )
  })

  it('prints a pod being deleted as Terminating for the rest of its grace period', () => {
    const subject = runningPod()
    subject.metadata.deletionTimestamp = ago(-25)
    subject.metadata.deletionGracePeriodSeconds = 30
    const text = describeObject(subject, [], {}, NOW)
    expect(text).toContain(
      'Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n',
    )
  })

  it('keeps the phase of a finished pod that is being deleted', () => {
    const subject = runningPod()
    subject.status!.phase = 'Succeeded'
    subject.metadata.deletionTimestamp = ago(-25)
    expect(describeObject(subject, [], {}, NOW)).toContain('Status:           Succeeded\n')
  })

  it('puts a long annotation on its own lines', () => {
    const subject = runningPod()
    subject.metadata.annotations = {short: 'yes', long: 'x'.repeat(150)}
    expect(describeObject(subject, [], {}, NOW)).toContain(
      [
        'Annotations:      long:',
        `                    ${'x'.repeat(138)}...`,
        '                  short: yes',
        '',
      ].join('\n'),
    )
  })
})
