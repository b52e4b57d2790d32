import {describe, expect, it} from 'vitest'
import type {RunPodRequest} from '../../../../src/core/generators/run-pod.js'
import {buildRunPod} from '../../../../src/core/generators/run-pod.js'

const base: RunPodRequest = {name: 'web', image: 'nginx', namespace: 'default', dryRun: 'client'}

describe('buildRunPod', () => {
  it('builds the pod kubectl run builds by default', () => {
    expect(buildRunPod(base)).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {name: 'web', creationTimestamp: null, labels: {run: 'web'}},
      spec: {
        containers: [{name: 'web', image: 'nginx', resources: {}}],
        restartPolicy: 'Always',
        dnsPolicy: 'ClusterFirst',
      },
      status: {},
    })
  })

  it("orders keys as kubectl's typed JSON printer does", () => {
    const pod = buildRunPod({
      ...base,
      image: 'nginx:1.25',
      labels: 'app=web,tier=front',
      port: '80',
      env: ['A=1', 'B=x=y'],
      restart: 'Never',
      imagePullPolicy: 'IfNotPresent',
      args: ['sh', '-c', 'echo hi'],
    })
    // kubectl run ... --dry-run=client -o json, compacted.
    expect(JSON.stringify(pod)).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web","tier":"front"}},' +
        '"spec":{"containers":[{"name":"web","image":"nginx:1.25","args":["sh","-c","echo hi"],"ports":[{"containerPort":80}],' +
        '"env":[{"name":"A","value":"1"},{"name":"B","value":"x=y"}],"resources":{},"imagePullPolicy":"IfNotPresent"}],' +
        '"restartPolicy":"Never","dnsPolicy":"ClusterFirst"},"status":{}}',
    )
  })

  it.each([
    [{command: false, args: ['sleep', '10']}, {args: ['sleep', '10']}],
    [{command: true, args: ['sleep', '10']}, {command: ['sleep', '10']}],
    [{command: true, args: []}, {}],
  ])('puts the extra words in args or command (%j)', (request, expected) => {
    const [container] = buildRunPod({...base, ...request}).spec.containers
    expect({command: container?.command, args: container?.args}).toEqual({
      command: undefined,
      args: undefined,
      ...expected,
    })
  })

  it('writes the namespace only when it was given explicitly', () => {
    expect(buildRunPod({...base, namespace: 'dev'}).metadata.namespace).toBeUndefined()
    expect(Object.keys(buildRunPod({...base, namespace: 'dev', namespaceExplicit: true}).metadata)).toEqual([
      'name',
      'namespace',
      'creationTimestamp',
      'labels',
    ])
  })

  it.each(['Always', 'OnFailure', 'Never'])('accepts restart policy %s', (restart) => {
    expect(buildRunPod({...base, restart}).spec.restartPolicy).toBe(restart)
  })

  it.each([
    [{name: undefined}, 'NAME is required for run'],
    [{name: ''}, 'NAME is required for run'],
    [{image: undefined}, '--image is required'],
    [{image: ''}, '--image is required'],
    [{image: 'nginx; rm -rf /'}, 'Invalid image name "nginx; rm -rf /": invalid reference format'],
    [{restart: 'Sometimes'}, 'invalid restart policy: Sometimes'],
    [{restart: 'always'}, 'invalid restart policy: always'],
    [{imagePullPolicy: 'Maybe'}, 'invalid image pull policy: Maybe'],
    [{env: ['NOVALUE']}, 'invalid env: NOVALUE'],
    [{labels: 'a'}, 'unexpected label spec: a'],
    [{port: 'http'}, 'strconv.Atoi: parsing "http": invalid syntax'],
  ])("refuses %j with kubectl's message", (request, message) => {
    expect(() => buildRunPod({...base, ...request})).toThrow(message)
  })

  it("checks in kubectl's order: name, image, restart policy, env, labels, port", () => {
    expect(() => buildRunPod({...base, name: '', image: ''})).toThrow('NAME is required for run')
    expect(() => buildRunPod({...base, restart: 'x', env: ['bad']})).toThrow('invalid restart policy: x')
    expect(() => buildRunPod({...base, env: ['bad'], labels: 'x'})).toThrow('invalid env: bad')
    expect(() => buildRunPod({...base, labels: 'x', port: 'y'})).toThrow('unexpected label spec: x')
  })
})
