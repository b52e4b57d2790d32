import {describe, expect, it} from 'vitest'
import {ApiError, UserError} from '../../../../src/core/api/errors.js'
import type {Node} from '../../../../src/core/api/types.js'
import {cordonNodes, withUnschedulable} from '../../../../src/core/nodes/cordon.js'
import {NODE} from '../../../../src/core/nodes/node-targets.js'
import {testApiServer} from '../../../support/api.js'
import {testNode} from './fixtures.js'

const NOW = new Date('2024-05-14T12:00:00Z')
const UNSCHEDULABLE = {
  key: 'node.kubernetes.io/unschedulable',
  effect: 'NoSchedule',
  timeAdded: '2024-05-14T12:00:00Z',
}

function cluster() {
  const {api} = testApiServer()
  api.create(testNode('node01', {disk: 'ssd'}))
  api.create(testNode('node02', {disk: 'hdd'}))
  api.create(testNode('node03', {disk: 'hdd'}))
  const spec = (name: string) => (api.get(NODE, '', name) as Node).spec
  return {api, spec}
}

const request = {names: ['node01'], usage: 'cordon NODE', unschedulable: true, dryRun: 'none' as const}

describe('withUnschedulable', () => {
  it('sets the field and the taint, keeping other taints', () => {
    const node = {...testNode('n'), spec: {taints: [{key: 'gpu', effect: 'NoSchedule' as const}]}}
    expect(withUnschedulable(node, true, NOW).spec).toEqual({
      unschedulable: true,
      taints: [{key: 'gpu', effect: 'NoSchedule'}, UNSCHEDULABLE],
    })
  })

  it('clears both, leaving no empty taint list', () => {
    const cordoned = withUnschedulable(testNode('n'), true, NOW)
    expect(withUnschedulable(cordoned, false, NOW).spec).toEqual({})
  })

  it('keeps the time a present taint was added', () => {
    const cordoned = withUnschedulable(testNode('n'), true, NOW)
    expect(withUnschedulable(cordoned, true, new Date('2030-01-01T00:00:00Z'))).toEqual(cordoned)
  })

  it('does not change the node it is given', () => {
    const node = testNode('n')
    withUnschedulable(node, true, NOW)
    expect(node.spec).toEqual({})
  })
})

describe('cordonNodes', () => {
  it('cordons, then says the node is already cordoned without writing', () => {
    const {api, spec} = cluster()
    expect(cordonNodes(api, request).map(({changed}) => changed)).toEqual([true])
    expect(spec('node01')).toEqual({
      unschedulable: true,
      taints: [{...UNSCHEDULABLE, timeAdded: '2024-05-14T11:54:50Z'}],
    })
    const version = api.get(NODE, '', 'node01').metadata.resourceVersion
    expect(cordonNodes(api, request).map(({changed}) => changed)).toEqual([false])
    expect(api.get(NODE, '', 'node01').metadata.resourceVersion).toBe(version)
  })

  it('uncordons, then says the node is already uncordoned', () => {
    const {api, spec} = cluster()
    cordonNodes(api, request)
    expect(cordonNodes(api, {...request, unschedulable: false})[0]?.changed).toBe(true)
    expect(spec('node01')).toEqual({})
    expect(cordonNodes(api, {...request, unschedulable: false})[0]?.changed).toBe(false)
  })

  it('repairs the taint of a node cordoned without it, still reporting it as already cordoned', () => {
    const {api, spec} = cluster()
    api.update({...api.get(NODE, '', 'node01'), spec: {unschedulable: true}})
    expect(cordonNodes(api, request)[0]?.changed).toBe(false)
    expect(spec('node01')?.taints).toHaveLength(1)
  })

  it('works on several named nodes, in the order named', () => {
    const {api} = cluster()
    const changes = cordonNodes(api, {...request, names: ['node03', 'node01']})
    expect(changes.map(({node}) => node.metadata.name)).toEqual(['node03', 'node01'])
  })

  it('takes node/NAME as kubectl does, and refuses another type', () => {
    const {api} = cluster()
    expect(
      cordonNodes(api, {...request, names: ['node/node02', 'no/node03']}).map(({node}) => node.metadata.name),
    ).toEqual(['node02', 'node03'])
    expect(() => cordonNodes(api, {...request, names: ['pod/web']})).toThrow(
      new UserError('expected resource of type node, got "pods"'),
    )
  })

  it('selects nodes by label', () => {
    const {api, spec} = cluster()
    const changes = cordonNodes(api, {...request, names: [], selector: 'disk=hdd'})
    expect(changes.map(({node}) => node.metadata.name)).toEqual(['node02', 'node03'])
    expect(spec('node01')).toEqual({})
  })

  it('changes nothing when one named node does not exist', () => {
    const {api, spec} = cluster()
    expect(() => cordonNodes(api, {...request, names: ['node01', 'ghost']})).toThrow(
      new ApiError('NotFound', 'nodes "ghost" not found'),
    )
    expect(spec('node01')).toEqual({})
  })

  it('refuses names with a selector, and no nodes at all', () => {
    const {api} = cluster()
    expect(() => cordonNodes(api, {...request, selector: 'disk=hdd'})).toThrow(
      new UserError('cannot specify both a node name and a --selector option'),
    )
    expect(() => cordonNodes(api, {...request, names: []})).toThrow(
      new UserError('USAGE: cordon NODE [flags]', 'name a node, or select nodes with -l KEY=VALUE'),
    )
  })

  it('stores nothing on a dry run, but shows the node as it would be', () => {
    const {api, spec} = cluster()
    for (const dryRun of ['client', 'server'] as const) {
      const [change] = cordonNodes(api, {...request, dryRun})
      expect([change?.changed, change?.node.spec?.unschedulable]).toEqual([true, true])
    }
    expect(spec('node01')).toEqual({})
  })
})
