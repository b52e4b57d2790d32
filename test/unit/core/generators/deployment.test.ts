import {describe, expect, it} from 'vitest'
import type {CreateDeploymentRequest} from '../../../../src/core/generators/deployment.js'
import {buildDeployment, containerNameFor} from '../../../../src/core/generators/deployment.js'

const base: CreateDeploymentRequest = {
  names: ['web'],
  images: ['nginx'],
  namespace: 'default',
  dryRun: 'client',
  random: () => 0,
}

describe('buildDeployment', () => {
  it('builds the deployment kubectl create deployment builds', () => {
    expect(buildDeployment({...base, replicas: 3, port: 80})).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: {name: 'web', creationTimestamp: null, labels: {app: 'web'}},
      spec: {
        replicas: 3,
        selector: {matchLabels: {app: 'web'}},
        template: {
          metadata: {creationTimestamp: null, labels: {app: 'web'}},
          spec: {containers: [{name: 'nginx', image: 'nginx', ports: [{containerPort: 80}], resources: {}}]},
        },
        strategy: {},
      },
      status: {},
    })
  })

  it("orders keys as kubectl's typed JSON printer does", () => {
    // kubectl create deployment web --image=nginx --image=busybox:1.36 --dry-run=client -o json, compacted.
    expect(JSON.stringify(buildDeployment({...base, images: ['nginx', 'busybox:1.36']}))).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},' +
        '"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,' +
        '"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}},' +
        '{"name":"busybox","image":"busybox:1.36","resources":{}}]}},"strategy":{}},"status":{}}',
    )
  })

  it('gives only the first container the port, and every container the command', () => {
    const {containers} = buildDeployment({
      ...base,
      images: ['busybox'],
      command: ['sleep', '3600'],
      port: 8080,
    }).spec.template.spec
    expect(containers).toEqual([
      {
        name: 'busybox',
        image: 'busybox',
        command: ['sleep', '3600'],
        ports: [{containerPort: 8080}],
        resources: {},
      },
    ])
    const two = buildDeployment({...base, images: ['nginx', 'redis'], port: 0}).spec.template.spec.containers
    expect(two.map((container) => container.ports)).toEqual([[{containerPort: 0}], undefined])
  })

  it('keeps the selector and template labels separate objects', () => {
    const deployment = buildDeployment(base)
    expect(deployment.spec.selector.matchLabels).not.toBe(deployment.spec.template.metadata?.labels)
  })

  it.each([
    [{names: []}, 'exactly one NAME is required, got 0'],
    [{names: ['a', 'b']}, 'exactly one NAME is required, got 2'],
    [{images: []}, 'required flag(s) "image" not set'],
    [{images: ['nginx', 'redis'], command: ['sleep']}, 'cannot specify multiple --image options and command'],
    [{images: ['nginx', 'redis:7 ; id']}, 'Invalid image name "redis:7 ; id": invalid reference format'],
  ])("refuses %j with kubectl's message", (request, message) => {
    expect(() => buildDeployment({...base, ...request})).toThrow(message)
  })
})

describe('containerNameFor', () => {
  it.each([
    ['nginx', 'nginx'],
    ['nginx:1.25', 'nginx'],
    ['library/nginx:latest', 'nginx'],
    ['localhost:5000/team/web-app:1.2', 'web-app'],
    [`nginx@sha256:${'a'.repeat(64)}`, 'nginx'],
    ['my_reg.io/some_app.v2:1.0', 'some-app-v2-bbbbb'],
    ['ghcr.io/org/under_score', 'under-score-bbbbb'],
  ])('names the container for %s', (image, name) => {
    expect(containerNameFor(image, () => 0)).toBe(name)
  })
})
