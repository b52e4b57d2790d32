import {describe, expect, it} from 'vitest'
import type {Pod, Toleration} from '../../../../../src/core/api/types.js'
import {problems, validPod} from './fixtures.js'

const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

const setSpec = (fields: Record<string, unknown>) => (p: Pod) => Object.assign(p.spec, fields)

describe('pod spec validation', () => {
  it.each([
    [{restartPolicy: 'OnFailure'}],
    [{restartPolicy: 'Never'}],
    [{dnsPolicy: 'None'}],
    [{nodeSelector: {'kubernetes.io/hostname': 'tugboat-worker'}}],
    [{nodeName: 'tugboat-worker2', hostname: 'web-0', activeDeadlineSeconds: 60}],
  ])('accepts %j', (fields) => {
    expect(problems(validPod(), setSpec(fields))).toEqual([])
  })

  it.each([
    [
      {restartPolicy: 'Sometimes'},
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      {dnsPolicy: 'Google'},
      'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ],
    [{nodeName: 'Node_1'}, `spec.nodeName: Invalid value: "Node_1": ${SUBDOMAIN_RULE}`],
    [{serviceAccountName: 'Robot'}, `spec.serviceAccountName: Invalid value: "Robot": ${SUBDOMAIN_RULE}`],
    [{hostname: 'web.0'}, `spec.hostname: Invalid value: "web.0": ${LABEL_RULE}`],
    [
      {activeDeadlineSeconds: 0},
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
    ],
  ])('reports %j', (fields, message) => {
    expect(problems(validPod(), setSpec(fields))).toEqual([message])
  })

  it('reports bad nodeSelector labels at spec.nodeSelector', () => {
    expect(problems(validPod(), setSpec({nodeSelector: {disk: 'fast ssd'}}))[0]).toMatch(
      /^spec\.nodeSelector: Invalid value: "fast ssd": a valid label/,
    )
  })
})

describe('tolerations', () => {
  const withToleration = (toleration: Toleration) =>
    problems(validPod(), (p) => (p.spec.tolerations = [toleration]))

  it.each([
    [{key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule'}],
    [{key: 'gpu', value: 'true'}],
    [{operator: 'Exists'}],
    [{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60}],
  ] as Toleration[][])('accepts %j', (toleration) => {
    expect(withToleration(toleration)).toEqual([])
  })

  it.each([
    [
      {operator: 'Equal', value: 'x'},
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
    [
      {key: 'gpu', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5},
      'spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ],
    [
      {key: 'gpu', operator: 'Maybe'},
      'spec.tolerations[0].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
    ],
    [
      {key: 'gpu', effect: 'NoRun'},
      'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
  ] as [Toleration, string][])('reports %j', (toleration, message) => {
    expect(withToleration(toleration)).toEqual([message])
  })

  it('reports a value with operator Exists', () => {
    expect(withToleration({key: 'gpu', operator: 'Exists', value: 'x'})[0]).toMatch(
      /^spec\.tolerations\[0\]\.operator: Invalid value: .*: value must be empty when `operator` is 'Exists'$/,
    )
  })
})
