// kubectl prints times in the local zone; pin it so the expected text is the same on every machine.
process.env.TZ = 'UTC'

import {describe, expect, it} from 'vitest'
import {describeObject} from '../../../../../src/cli/printers/describe/index.js'
import type {StoredObject} from '../../../../../src/core/api/types.js'
import {ago, deployment, event, NOW, pod, replicaSet} from '../fixtures.js'

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`

const TEMPLATE = [
  '  Containers:',
  '   nginx:',
  '    Image:         nginx:1.25',
  '    Port:          80/TCP',
  '    Host Port:     0/TCP',
  '    Environment:   <none>',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
]

function oldReplicaSet() {
  const old = replicaSet('web-5f8d7c', '5f8d7c')
  old.spec.replicas = 0
  old.status = {replicas: 0}
  old.spec.template.spec.containers[0]!.image = 'nginx:1.24'
  old.metadata.creationTimestamp = ago(7200)
  return old
}

describe('describe deployment', () => {
  const conditions = [
    {type: 'Available', status: 'True' as const, reason: 'MinimumReplicasAvailable'},
    {type: 'Progressing', status: 'True' as const, reason: 'NewReplicaSetAvailable'},
  ]

  it('prints replicas, strategy, template, conditions, old and new replica sets and events', () => {
    const scaled = event('Deployment', 'web', 'ScalingReplicaSet', 'Scaled up replica set web-7d4b9c to 3', {
      component: 'deployment-controller',
      first: 3600,
    })
    expect(
      describeObject(deployment({conditions}), [scaled], {replicaSets: [replicaSet(), oldReplicaSet()]}, NOW),
    ).toBe(
      lines(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Tue, 14 May 2024 11:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        ...TEMPLATE,
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-5f8d7c (0/0 replicas created)',
        'NewReplicaSet:   web-7d4b9c (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  60m   deployment-controller  Scaled up replica set web-7d4b9c to 3',
      ),
    )
  })

  it('shows <none> for missing old replica sets and skips both lines when it has no replica set', () => {
    const withNew = describeObject(deployment(), [], {replicaSets: [replicaSet()]}, NOW)
    // Without conditions these lines continue the template's block, so they align with its last lines.
    expect(withNew).toContain(
      '  Tolerations:     <none>\nOldReplicaSets:    <none>\nNewReplicaSet:     web-7d4b9c (3/3 replicas created)\n',
    )
    const without = describeObject(deployment(), [], {replicaSets: []}, NOW)
    expect(without).not.toContain('ReplicaSet')
  })

  it('ignores replica sets the deployment does not control', () => {
    const foreign = replicaSet()
    foreign.metadata.ownerReferences = []
    expect(describeObject(deployment(), [], {replicaSets: [foreign]}, NOW)).not.toContain('NewReplicaSet')
  })

  it('prints a Recreate strategy without rolling-update parameters', () => {
    const recreate = deployment()
    recreate.spec.strategy = {type: 'Recreate'}
    const text = describeObject(recreate, [], {}, NOW)
    expect(text).toContain('StrategyType:       Recreate\nMinReadySeconds:    0\nPod Template:\n')
  })
})

describe('describe replica set', () => {
  it('prints its selector, owner, replica counts and the phases of the pods it controls', () => {
    const owned = (name: string, phase: 'Running' | 'Pending') => {
      const subject = pod(name, {phase})
      subject.metadata.ownerReferences = [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-7d4b9c',
          uid: 'uid-web-7d4b9c',
          controller: true,
        },
      ]
      return subject
    }
    const orphan = pod('orphan')
    const created = event('ReplicaSet', 'web-7d4b9c', 'SuccessfulCreate', 'Created pod: web-7d4b9c-2xk8p', {
      component: 'replicaset-controller',
      first: 3600,
    })
    const pods = [
      owned('web-7d4b9c-2xk8p', 'Running'),
      owned('web-7d4b9c-9qzrt', 'Running'),
      owned('web-7d4b9c-x7p2m', 'Pending'),
      orphan,
    ]
    expect(describeObject(replicaSet(), [created], {pods}, NOW)).toBe(
      lines(
        'Name:           web-7d4b9c',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=7d4b9c',
        'Labels:         app=web',
        '                pod-template-hash=7d4b9c',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
        '                deployment.kubernetes.io/max-replicas: 4',
        '                deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/web',
        'Replicas:       3 current / 3 desired',
        'Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '           pod-template-hash=7d4b9c',
        ...TEMPLATE,
        'Events:',
        '  Type    Reason            Age   From                   Message',
        '  ----    ------            ----  ----                   -------',
        '  Normal  SuccessfulCreate  60m   replicaset-controller  Created pod: web-7d4b9c-2xk8p',
      ),
    )
  })

  it('prints a failure condition', () => {
    const failing = replicaSet()
    failing.status = {
      replicas: 0,
      conditions: [{type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate'}],
    }
    expect(describeObject(failing, [], {}, NOW)).toContain(
      lines(
        'Conditions:',
        '  Type             Status  Reason',
        '  ----             ------  ------',
        '  ReplicaFailure   True    FailedCreate',
        'Events:            <none>',
      ),
    )
  })
})

describe('describe replication controller', () => {
  it('prints its equality selector and no owner', () => {
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: {
        name: 'legacy',
        namespace: 'default',
        uid: 'uid-legacy',
        resourceVersion: '1',
        creationTimestamp: ago(45),
        labels: {app: 'legacy'},
      },
      spec: {
        replicas: 2,
        selector: {app: 'legacy'},
        template: {
          metadata: {labels: {app: 'legacy'}},
          spec: {containers: [{name: 'app', image: 'busybox', command: ['sleep', '3600']}]},
        },
      },
      status: {replicas: 2, readyReplicas: 2},
    } as StoredObject
    expect(describeObject(rc, [], {pods: []}, NOW)).toBe(
      lines(
        'Name:         legacy',
        'Namespace:    default',
        'Selector:     app=legacy',
        'Labels:       app=legacy',
        'Annotations:  <none>',
        'Replicas:     2 current / 2 desired',
        'Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=legacy',
        '  Containers:',
        '   app:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sleep',
        '      3600',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    )
  })
})
