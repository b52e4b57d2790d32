import {describe, expect, it} from 'vitest'
import {UserError} from '../../../../src/core/api/errors.js'
import {NODE} from '../../../../src/core/nodes/node-targets.js'
import {
  isSimulatedStopped,
  SIMULATED_STATE_ANNOTATION,
  startNodes,
  stopNodes,
} from '../../../../src/core/nodes/simulated-failure.js'
import {testApiServer} from '../../../support/api.js'
import {testNode} from './fixtures.js'

function cluster() {
  const {api} = testApiServer()
  api.create(testNode('controlplane', {'node-role.kubernetes.io/control-plane': ''}))
  api.create({...testNode('node01'), metadata: {...testNode('node01').metadata, annotations: {note: 'keep'}}})
  api.create(testNode('node02'))
  const node = (name: string) => api.get(NODE, '', name)
  return {api, node}
}

const query = (...names: string[]) => ({names, usage: 'node stop NODE'})

describe('simulated node failure', () => {
  it('marks a node stopped, keeping its other annotations, then says it is already stopped', () => {
    const {api, node} = cluster()
    expect(stopNodes(api, query('node01')).map(({changed}) => changed)).toEqual([true])
    expect(node('node01').metadata.annotations).toEqual({
      note: 'keep',
      [SIMULATED_STATE_ANNOTATION]: 'stopped',
    })
    expect(isSimulatedStopped(node('node01'))).toBe(true)
    const version = node('node01').metadata.resourceVersion
    expect(stopNodes(api, query('node01')).map(({changed}) => changed)).toEqual([false])
    expect(node('node01').metadata.resourceVersion).toBe(version)
  })

  it('starts a stopped node by removing the mark, and leaves a running one alone', () => {
    const {api, node} = cluster()
    stopNodes(api, query('node02'))
    expect(startNodes(api, query('node02', 'node01')).map(({changed}) => changed)).toEqual([true, false])
    expect(node('node02').metadata.annotations).toBeUndefined()
    expect(isSimulatedStopped(node('node02'))).toBe(false)
  })

  it('refuses the control-plane node and then changes none of the nodes asked for', () => {
    const {api, node} = cluster()
    expect(() => stopNodes(api, query('node01', 'controlplane'))).toThrow(
      new UserError(
        'cannot stop node "controlplane": it runs the control plane (label node-role.kubernetes.io/control-plane)',
        'stop a worker node instead; tug get nodes lists them',
      ),
    )
    expect(isSimulatedStopped(node('node01'))).toBe(false)
  })

  it('reads only the annotation value "stopped" as stopped', () => {
    const annotated = (value: string) => ({
      metadata: {name: 'n', annotations: {[SIMULATED_STATE_ANNOTATION]: value}},
    })
    expect([isSimulatedStopped(annotated('stopped')), isSimulatedStopped(annotated('running'))]).toEqual([
      true,
      false,
    ])
    expect(isSimulatedStopped({metadata: {name: 'n'}})).toBe(false)
  })
})
