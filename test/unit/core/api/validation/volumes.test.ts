import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../../src/core/api/types.js'
import {problems, validPod} from './fixtures.js'

const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

const withVolumes = (patch: (pod: Pod) => void) => problems(validPod(), patch)

describe('volumes and mounts', () => {
  it('accepts an emptyDir mounted twice in one container and a volume with no source (it becomes an emptyDir)', () => {
    expect(
      withVolumes((p) => {
        p.spec.volumes = [{name: 'data', emptyDir: {}}, {name: 'scratch'}]
        p.spec.containers[0]!.volumeMounts = [
          {name: 'data', mountPath: '/data'},
          {name: 'data', mountPath: '/logs', subPath: 'logs'},
          {name: 'scratch', mountPath: '/tmp'},
        ]
      }),
    ).toEqual([])
  })

  it.each([
    [
      'two volumes with one name',
      (p: Pod) =>
        (p.spec.volumes = [
          {name: 'data', emptyDir: {}},
          {name: 'data', emptyDir: {}},
        ]),
      ['spec.volumes[1].name: Duplicate value: "data"'],
    ],
    [
      'a nameless volume',
      (p: Pod) => (p.spec.volumes = [{name: '', emptyDir: {}}]),
      ['spec.volumes[0].name: Required value'],
    ],
    [
      'a volume name that is not a DNS label',
      (p: Pod) => (p.spec.volumes = [{name: 'Data', emptyDir: {}}]),
      [`spec.volumes[0].name: Invalid value: "Data": ${LABEL_RULE}`],
    ],
    [
      'two sources in one volume',
      (p: Pod) => (p.spec.volumes = [{name: 'data', emptyDir: {}, hostPath: {path: '/srv'}}]),
      ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
    ],
    [
      'a mount of a missing volume',
      (p: Pod) => (p.spec.containers[0]!.volumeMounts = [{name: 'data', mountPath: '/data'}]),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'a mount without a path',
      (p: Pod) => {
        p.spec.volumes = [{name: 'data'}]
        p.spec.containers[0]!.volumeMounts = [{name: 'data', mountPath: ''}]
      },
      ['spec.containers[0].volumeMounts[0].mountPath: Required value'],
    ],
    [
      'two mounts on one path',
      (p: Pod) => {
        p.spec.volumes = [{name: 'a'}, {name: 'b'}]
        p.spec.containers[0]!.volumeMounts = [
          {name: 'a', mountPath: '/data'},
          {name: 'b', mountPath: '/data'},
        ]
      },
      ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique'],
    ],
    [
      'a subPath that climbs out',
      (p: Pod) => {
        p.spec.volumes = [{name: 'data'}]
        p.spec.containers[0]!.volumeMounts = [{name: 'data', mountPath: '/data', subPath: '/etc/../x'}]
      },
      [
        'spec.containers[0].volumeMounts.subPath: Invalid value: "/etc/../x": must be a relative path',
        'spec.containers[0].volumeMounts.subPath: Invalid value: "/etc/../x": must not contain \'..\'',
      ],
    ],
    [
      'a mount of a broken volume',
      (p: Pod) => {
        p.spec.volumes = [{name: 'Data'}]
        p.spec.containers[0]!.volumeMounts = [{name: 'Data', mountPath: '/data'}]
      },
      [
        `spec.volumes[0].name: Invalid value: "Data": ${LABEL_RULE}`,
        'spec.containers[0].volumeMounts[0].name: Not found: "Data"',
      ],
    ],
  ])('reports %s', (_, patch, expected) => {
    expect(withVolumes(patch)).toEqual(expected)
  })
})
