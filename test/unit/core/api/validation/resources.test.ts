import {describe, expect, it} from 'vitest'
import type {ResourceRequirements} from '../../../../../src/core/api/types.js'
import {QUANTITY_FORMAT_ERROR} from '../../../../../src/core/api/quantity.js'
import {problems, validDeployment, validPod} from './fixtures.js'

const withResources = (resources: ResourceRequirements) =>
  problems(validPod(), (p) => (p.spec.containers[0]!.resources = resources))

describe('container resources', () => {
  it.each([
    [{requests: {cpu: '100m', memory: '64Mi'}, limits: {cpu: '0.5', memory: '128Mi'}}],
    [{requests: {cpu: 1}, limits: {cpu: '1000m'}}],
    [{limits: {cpu: '1', memory: '1G', 'ephemeral-storage': '1Gi', 'hugepages-2Mi': '2Mi'}}],
    [{requests: {'example.com/gpu': '1'}, limits: {'example.com/gpu': 1}}],
  ])('accepts %j', (resources) => {
    expect(withResources(resources)).toEqual([])
  })

  it.each([
    [
      {requests: {cpu: '1'}, limits: {cpu: '500m'}},
      [
        'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      ],
    ],
    [
      {requests: {memory: '1Gi'}, limits: {memory: '512Mi'}},
      [
        'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
      ],
    ],
    [
      {limits: {cpu: '-1'}},
      [
        'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    ],
    [
      {requests: {cpu: 'lots'}},
      [`spec.containers[0].resources.requests[cpu]: Invalid value: "lots": ${QUANTITY_FORMAT_ERROR}`],
    ],
    [
      {requests: {cpus: '1'}},
      [
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      ],
    ],
    [
      {requests: {pods: '1'}},
      [
        'spec.containers[0].resources.requests[pods]: Invalid value: "pods": must be a standard resource for containers',
      ],
    ],
    [
      {requests: {'example.com/gpu': '1'}},
      [
        'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
      ],
    ],
    [
      {requests: {'example.com/gpu': '1'}, limits: {'example.com/gpu': '2'}},
      [
        'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
      ],
    ],
    [
      {requests: {'example.com/gpu': '500m'}, limits: {'example.com/gpu': '500m'}},
      [
        'spec.containers[0].resources.limits[example.com/gpu]: Invalid value: "500m": must be an integer',
        'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: "500m": must be an integer',
      ],
    ],
  ])('reports %j', (resources, expected) => {
    expect(withResources(resources)).toEqual(expected)
  })

  it('checks templates too, without copying limits into requests there', () => {
    const messages = problems(
      validDeployment(),
      (d) => (d.spec.template.spec.containers[0]!.resources = {limits: {cpu: 'x'}}),
    )
    expect(messages).toEqual([
      `spec.template.spec.containers[0].resources.limits[cpu]: Invalid value: "x": ${QUANTITY_FORMAT_ERROR}`,
    ])
  })
})
