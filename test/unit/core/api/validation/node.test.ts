import {describe, expect, it} from 'vitest'
import type {Taint} from '../../../../../src/core/api/types.js'
import {problems, validNode} from './fixtures.js'

const withTaints = (taints: Taint[]) => problems(validNode(), (n) => (n.spec = {taints}))

describe('Node validation', () => {
  it('accepts a cordoned node with taints', () => {
    const messages = problems(validNode(), (n) => {
      n.spec = {
        unschedulable: true,
        taints: [
          {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'},
          {key: 'gpu', value: 'true', effect: 'NoExecute'},
        ],
      }
      n.status = {capacity: {cpu: '4', memory: '8Gi'}}
    })
    expect(messages).toEqual([])
  })

  it.each([
    [{key: 'gpu'}, ['metadata.taints[0].effect: Required value']],
    [
      {key: 'gpu', effect: 'NoRun'},
      [
        'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
    [
      {key: '', effect: 'NoSchedule'},
      [
        'metadata.taints[0].key: Invalid value: "": name part must be non-empty',
        "metadata.taints[0].key: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
  ] as [Taint, string[]][])(
    'reports the taint %j (at metadata.taints, as Kubernetes does)',
    (taint, expected) => {
      expect(withTaints([taint])).toEqual(expected)
    },
  )

  it('refuses two taints with one key and effect', () => {
    expect(
      withTaints([
        {key: 'gpu', effect: 'NoSchedule'},
        {key: 'gpu', value: 'x', effect: 'NoSchedule'},
      ]),
    ).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"gpu", Value:"x", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
    ])
  })

  it('allows one key with different effects', () => {
    expect(
      withTaints([
        {key: 'gpu', effect: 'NoSchedule'},
        {key: 'gpu', effect: 'NoExecute'},
      ]),
    ).toEqual([])
  })
})
