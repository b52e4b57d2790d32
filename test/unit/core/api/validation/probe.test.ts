import {describe, expect, it} from 'vitest'
import type {Container, Probe} from '../../../../../src/core/api/types.js'
import {problems, validPod} from './fixtures.js'

type ProbeField = 'livenessProbe' | 'readinessProbe' | 'startupProbe'
const withProbe = (field: ProbeField, probe: Probe) =>
  problems(validPod(), (p) => ((p.spec.containers[0] as Container)[field] = probe))

describe('probes', () => {
  it.each([
    ['livenessProbe', {httpGet: {port: 80}}],
    [
      'livenessProbe',
      {
        httpGet: {
          port: 'http',
          path: '/healthz',
          scheme: 'HTTPS',
          httpHeaders: [{name: 'X-Probe', value: '1'}],
        },
      },
    ],
    ['readinessProbe', {tcpSocket: {port: 5432}, initialDelaySeconds: 5}],
    ['startupProbe', {exec: {command: ['cat', '/tmp/ok']}, failureThreshold: 30}],
    ['readinessProbe', {grpc: {port: 9090}, successThreshold: 2}],
  ] as [ProbeField, Probe][])('accepts a %s %j', (field, probe) => {
    expect(withProbe(field, probe)).toEqual([])
  })

  it.each([
    ['livenessProbe', {}, 'spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    [
      'livenessProbe',
      {httpGet: {port: 80}, tcpSocket: {port: 80}},
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ],
    [
      'readinessProbe',
      {exec: {command: []}},
      'spec.containers[0].readinessProbe.exec.command: Required value',
    ],
    ['readinessProbe', {exec: {}}, 'spec.containers[0].readinessProbe.exec.command: Required value'],
    [
      'readinessProbe',
      {httpGet: {port: 0}},
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
    [
      'readinessProbe',
      {httpGet: {port: 'Web_UI'}},
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "Web_UI": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ],
    [
      'readinessProbe',
      {httpGet: {port: 80, scheme: 'FTP'}},
      'spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
    ],
    [
      'readinessProbe',
      {httpGet: {port: 80, httpHeaders: [{name: 'X Probe', value: '1'}]}},
      "spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: \"X Probe\": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
    ],
    [
      'readinessProbe',
      {tcpSocket: {port: 70000}},
      'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'readinessProbe',
      {grpc: {port: 0}},
      'spec.containers[0].readinessProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
    [
      'livenessProbe',
      {exec: {command: ['true']}, initialDelaySeconds: -5},
      'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0',
    ],
    [
      'livenessProbe',
      {exec: {command: ['true']}, failureThreshold: -1},
      'spec.containers[0].livenessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'livenessProbe',
      {exec: {command: ['true']}, successThreshold: 2},
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ],
    [
      'startupProbe',
      {exec: {command: ['true']}, successThreshold: 3},
      'spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
    ],
    [
      'readinessProbe',
      {exec: {command: ['true']}, terminationGracePeriodSeconds: 5},
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes',
    ],
    [
      'livenessProbe',
      {exec: {command: ['true']}, terminationGracePeriodSeconds: 0},
      'spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
    ],
  ] as [ProbeField, Probe, string][])('reports a %s %j', (field, probe, message) => {
    expect(withProbe(field, probe)).toEqual([message])
  })
})
