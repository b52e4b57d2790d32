import {describe, expect, it} from 'vitest'
import type {FilterFailure} from '../../../../src/core/scheduler/filter.js'
import {
  fitErrorMessage,
  NOTE_LENGTH_LIMIT,
  truncateMessage,
  unschedulableMessage,
} from '../../../../src/core/scheduler/failure-message.js'
import {scheduleOne} from '../../../../src/core/scheduler/schedule-one.js'
import {CONTROL_PLANE_TAINT, node, pod} from './fixtures.js'

const taint: FilterFailure = {
  plugin: 'TaintToleration',
  code: 'UnschedulableAndUnresolvable',
  reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
}
const cpu: FilterFailure = {plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu']}

describe('FailedScheduling message', () => {
  it("formats the reference's example: one control-plane node, two full workers", () => {
    // Kubernetes 1.28 says "Preemption is not helpful" for the tainted node: removing pods cannot untaint it.
    expect(unschedulableMessage({containers: []}, [taint, cpu, cpu])).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ' +
        '2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, ' +
        '2 No preemption victims found for incoming pod..',
    )
  })

  it('produces the same message from real nodes and pods', () => {
    const nodes = [
      node('cp', {taints: [CONTROL_PLANE_TAINT]}),
      node('node01', {cpu: '1'}),
      node('node02', {cpu: '1'}),
    ]
    const decision = scheduleOne(pod('big', {cpu: '2'}), nodes, [], () => 0)
    expect(decision).toMatchObject({
      outcome: 'unschedulable',
      message: unschedulableMessage({containers: []}, [taint, cpu, cpu]),
    })
  })

  it('counts each reason a node gives, so a node short of cpu and memory appears under both', () => {
    const both: FilterFailure = {...cpu, reasons: ['Insufficient cpu', 'Insufficient memory']}
    expect(fitErrorMessage(2, [both, cpu])).toBe(
      '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.',
    )
  })

  it('sorts the counted reasons as strings, as Go does', () => {
    const cordoned: FilterFailure = {
      plugin: 'NodeUnschedulable',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    }
    const failures = [...Array<FilterFailure>(10).fill(cordoned), cpu, cpu]
    expect(fitErrorMessage(12, failures)).toBe(
      '0/12 nodes are available: 10 node(s) were unschedulable, 2 Insufficient cpu.',
    )
  })

  it('says a pod that may not preempt is not eligible', () => {
    expect(unschedulableMessage({containers: [], preemptionPolicy: 'Never'}, [cpu])).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..',
    )
  })

  it('says so when there are no nodes at all', () => {
    expect(scheduleOne(pod('web'), [], [], () => 0)).toMatchObject({
      outcome: 'unschedulable',
      message: 'no nodes available to schedule pods',
    })
  })

  it('truncates an event message past the note length limit', () => {
    const long = 'x'.repeat(NOTE_LENGTH_LIMIT + 10)
    expect(truncateMessage(long)).toHaveLength(NOTE_LENGTH_LIMIT)
    expect(truncateMessage(long).endsWith(' ...')).toBe(true)
    expect(truncateMessage('short')).toBe('short')
  })
})
