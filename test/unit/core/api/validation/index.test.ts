import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../../src/core/api/types.js'
import {validateObject} from '../../../../../src/core/api/validation/index.js'
import {defaulted, validPod} from './fixtures.js'

describe('validateObject', () => {
  it('returns nothing for a valid, defaulted object', () => {
    expect(validateObject(defaulted(validPod()))).toEqual([])
  })

  it('returns field errors with type, path and value', () => {
    const pod = defaulted(validPod())
    pod.spec.restartPolicy = 'Sometimes' as 'Always'
    expect(validateObject(pod)).toEqual([
      {
        type: 'Unsupported value',
        field: 'spec.restartPolicy',
        value: 'Sometimes',
        detail: 'supported values: "Always", "OnFailure", "Never"',
      },
    ])
  })

  it('checks only metadata of an Event', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'web.17c8', namespace: 'default'},
      reason: 'Started',
    }
    expect(validateObject(event)).toEqual([])
  })

  it('ignores kinds it does not serve', () => {
    expect(validateObject({apiVersion: 'v1', kind: 'ConfigMap', metadata: {}})).toEqual([])
  })
})
