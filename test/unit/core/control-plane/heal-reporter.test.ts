import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {KubeObject, Node, Pod, StoredObject} from '../../../../src/core/api/types.js'
import {reportHealTimes} from '../../../../src/core/control-plane/heal-reporter.js'
import {SharedInformer} from '../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../support/api.js'

const NODE = mustTypeForKind('Node')

function node(name: string, status: string, heartbeat: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {name},
    status: {conditions: [{type: 'Ready', status, lastHeartbeatTime: heartbeat}]},
  }
}

describe('heal times', () => {
  it("says how long after a node's last heartbeat its workloads were whole again elsewhere", () => {
    const {api, clock} = testApiServer()
    let now = Date.parse('2024-05-14T11:55:00Z')
    const said: string[] = []
    const informer = new SharedInformer(api.store, ['Node', 'Pod', 'ReplicaSet', 'ReplicationController'])
    reportHealTimes(informer, {now: () => now, setTimer: () => ({cancel() {}})}, (m) => said.push(m))
    const writeNode = (status: string, heartbeat: string) => {
      const live = api.find(NODE, '', 'node01')
      const next = node('node01', status, heartbeat)
      if (!live) return api.create(next)
      return api.update({...live, status: next.status}, {subresource: 'status'})
    }
    writeNode('True', '2024-05-14T11:54:50Z')
    const rs = api.create(
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {name: 'web'},
        spec: {
          replicas: 2,
          selector: {matchLabels: {app: 'web'}},
          template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'x'}]}},
        },
      },
      {namespace: 'default'},
    )
    const pod = (name: string, nodeName: string, ready: boolean) => {
      const created = api.create(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name,
            labels: {app: 'web'},
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: 'web',
                uid: rs.metadata.uid,
                controller: true,
              },
            ],
          },
          spec: {nodeName, containers: [{name: 'c', image: 'x'}]},
        },
        {namespace: 'default'},
      ) as Pod & StoredObject
      const status = {phase: 'Running', conditions: [{type: 'Ready', status: ready ? 'True' : 'False'}]}
      return api.update({...created, status}, {subresource: 'status'})
    }
    pod('web-a', 'node01', true)
    pod('web-b', 'node02', true)
    informer.pump()

    writeNode('Unknown', '2024-05-14T11:54:50Z')
    informer.pump()
    pod('web-c', 'node02', false)
    informer.pump()
    expect(said).toEqual([])

    now = Date.parse('2024-05-14T11:55:03.5Z')
    clock.advance(1)
    const c = api.find(mustTypeForKind('Pod'), 'default', 'web-c') as Pod & StoredObject
    api.update(
      {...c, status: {phase: 'Running', conditions: [{type: 'Ready', status: 'True'}]}},
      {subresource: 'status'},
    )
    informer.pump()
    expect(said).toEqual([
      'node node01 failed; replicaset/web fully ready again elsewhere 13.5s after its last heartbeat',
    ])
    // Healed once: later pod changes say nothing more.
    pod('web-d', 'node02', true)
    informer.pump()
    expect(said).toHaveLength(1)
    expect((api.get(NODE, '', 'node01') as Node).status?.conditions?.[0]?.status).toBe('Unknown')
  })
})
