import {describe, expect, it} from 'vitest'
import type {EnvVar} from '../../../../../src/core/api/types.js'
import {problems, validPod} from './fixtures.js'

const NAME_RULE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"

const withEnv = (env: EnvVar[]) => problems(validPod(), (p) => (p.spec.containers[0]!.env = env))

describe('environment variables', () => {
  it('accepts plain values and a single valueFrom source', () => {
    expect(
      withEnv([
        {name: 'MODE', value: 'prod'},
        {name: 'my.env-name', value: ''},
        {name: 'POD', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}},
      ]),
    ).toEqual([])
  })

  it.each([
    [{name: ''}, ['spec.containers[0].env[0].name: Required value']],
    [{name: '1ST'}, [`spec.containers[0].env[0].name: Invalid value: "1ST": ${NAME_RULE}`]],
    [{name: 'MY VAR'}, [`spec.containers[0].env[0].name: Invalid value: "MY VAR": ${NAME_RULE}`]],
    [{name: '..'}, ['spec.containers[0].env[0].name: Invalid value: "..": must not be \'..\'']],
    [{name: '..a'}, ['spec.containers[0].env[0].name: Invalid value: "..a": must not start with \'..\'']],
    [
      {name: 'A', valueFrom: {}},
      [
        'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ],
    ],
    [
      {name: 'A', value: 'x', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}},
      [
        'spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      ],
    ],
    [
      {name: 'A', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}, secretKeyRef: {name: 's', key: 'k'}}},
      [
        'spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time',
      ],
    ],
  ])('reports %j', (variable, expected) => {
    expect(withEnv([variable])).toEqual(expected)
  })
})
