import {describe, expect, it} from 'vitest'
import {
  CONTROL_PLANE_ROLE,
  controlPlaneNodeFacts,
  workerNames,
} from '../../../../src/core/control-plane/topology.js'

describe('cluster topology', () => {
  it('names workers as the course labs do', () => {
    expect(workerNames(2)).toEqual(['node01', 'node02'])
    expect(workerNames(10).at(-1)).toBe('node10')
  })

  it('labels and taints the control-plane node as kubeadm does', () => {
    const facts = controlPlaneNodeFacts({
      name: 'controlplane',
      cpus: 2,
      memoryBytes: 1024,
      maxPods: 110,
      kernelVersion: '6.1.0',
      osImage: 'Debian',
      architecture: 'amd64',
      labels: {zone: 'a'},
    })
    expect(facts.labels).toEqual({zone: 'a', [CONTROL_PLANE_ROLE]: ''})
    expect(facts.taints).toEqual([{key: CONTROL_PLANE_ROLE, effect: 'NoSchedule'}])
  })
})
