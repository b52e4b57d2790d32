import {describe, expect, it} from 'vitest'
import type {DependentDecision} from '../../../../../src/core/controllers/garbage-collector/decide.js'
import {decideDependent} from '../../../../../src/core/controllers/garbage-collector/decide.js'
import type {OwnerReference} from '../../../../../src/core/api/types.js'

const ref = (name: string): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name,
  uid: `uid-${name}`,
})
const [a, b, c] = [ref('a'), ref('b'), ref('c')]

describe('decideDependent', () => {
  it.each<
    [
      string,
      {solid?: OwnerReference[]; dangling?: OwnerReference[]; waiting?: OwnerReference[]},
      {finalizers?: string[]; hasDependents?: boolean},
      DependentDecision,
    ]
  >([
    ['keeps an object whose owners all exist', {solid: [a]}, {}, {action: 'keep'}],
    [
      'drops dangling references when an owner remains',
      {solid: [a], dangling: [b]},
      {},
      {action: 'remove-references', references: [b]},
    ],
    [
      'drops references to foreground owners when another owner remains',
      {solid: [a], dangling: [b], waiting: [c]},
      {},
      {action: 'remove-references', references: [b, c]},
    ],
    [
      'deletes in the background when every owner is gone',
      {dangling: [a, b]},
      {},
      {action: 'delete', cascade: 'background', because: 'owners-gone', owners: [a, b]},
    ],
    [
      'honours an orphan finalizer of its own',
      {dangling: [a]},
      {finalizers: ['orphan']},
      {action: 'delete', cascade: 'orphan', because: 'owners-gone', owners: [a]},
    ],
    [
      'deletes in the foreground an owner-waiting dependent that owns objects itself',
      {waiting: [a]},
      {hasDependents: true},
      {action: 'delete', cascade: 'foreground', because: 'owner-waiting', owners: [a]},
    ],
    [
      'deletes in the background an owner-waiting dependent that owns nothing',
      {waiting: [a], dangling: [b]},
      {},
      {action: 'delete', cascade: 'background', because: 'owner-waiting', owners: [a]},
    ],
    ['keeps an object with no references at all', {}, {}, {action: 'keep'}],
  ])('%s', (_name, references, facts, expected) => {
    const classified = {
      solid: references.solid ?? [],
      dangling: references.dangling ?? [],
      waiting: references.waiting ?? [],
    }
    expect(
      decideDependent(classified, {
        finalizers: facts.finalizers ?? [],
        hasDependents: facts.hasDependents ?? false,
      }),
    ).toEqual(expected)
  })
})
