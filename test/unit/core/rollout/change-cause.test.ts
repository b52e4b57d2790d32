import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Deployment} from '../../../../src/core/api/types.js'
import {formatCommandLine, recordingChangeCause} from '../../../../src/core/rollout/change-cause.js'
import {testApiServer} from '../../../support/api.js'
import {deploymentOf} from '../../../support/rollout-objects.js'

const CC = 'kubernetes.io/change-cause'
const deployments = mustTypeForKind('Deployment')

describe('formatCommandLine', () => {
  it.each([
    [
      ['tug', 'set', 'image', 'deployment/web', 'web=tugboat/demo:v2'],
      'tug set image deployment/web web=tugboat/demo:v2',
    ],
    [['tug', 'set', 'image', 'deploy', 'web', '*=nginx:1.25'], "tug set image deploy web '*=nginx:1.25'"],
    [['tug', 'apply', '-f', 'my app.yaml'], "tug apply -f 'my app.yaml'"],
    [
      ['tug', 'create', 'deployment', 'x', '--image=busybox', '--', 'sh', '-c', "echo it's"],
      `tug create deployment x --image=busybox -- sh -c 'echo it'\\''s'`,
    ],
    [['tug', 'run', ''], "tug run ''"],
  ])('%j', (words, line) => {
    expect(formatCommandLine(words)).toBe(line)
  })
})

describe('recordingChangeCause', () => {
  const cause = 'tug set image deployment/web web=nginx:1.26'
  const setup = () => {
    const {api} = testApiServer()
    return {api, recording: recordingChangeCause(api, cause)}
  }
  const annotationsOf = (api: ReturnType<typeof setup>['api']) =>
    api.get(deployments, 'default', 'web').metadata.annotations

  it('records the command on a created deployment without one', () => {
    const {api, recording} = setup()
    recording.create(deploymentOf('web', 'nginx:1.25'))
    expect(annotationsOf(api)).toEqual({[CC]: cause})
  })

  it('keeps the change cause the user wrote', () => {
    const {api, recording} = setup()
    const deployment = deploymentOf('web', 'nginx:1.25')
    deployment.metadata.annotations = {[CC]: 'first release'}
    recording.create(deployment)
    const live = api.get(deployments, 'default', 'web') as Deployment
    const edited = structuredClone(live)
    edited.spec.template.spec.containers[0]!.image = 'nginx:1.26'
    edited.metadata.annotations = {[CC]: 'second release'}
    recording.update(edited)
    expect(annotationsOf(api)).toEqual({[CC]: 'second release'})
  })

  it('records a template change and leaves other changes alone', () => {
    const {api, recording} = setup()
    api.create(deploymentOf('web', 'nginx:1.25'))
    const scaled = structuredClone(api.get(deployments, 'default', 'web') as Deployment)
    scaled.spec.replicas = 5
    recording.update(scaled)
    expect(annotationsOf(api)).toBeUndefined()
    const edited = structuredClone(api.get(deployments, 'default', 'web') as Deployment)
    edited.spec.template.spec.containers[0]!.image = 'nginx:1.26'
    expect(recording.updateWithOutcome(edited).changed).toBe(true)
    expect(annotationsOf(api)).toEqual({[CC]: cause})
  })

  it('compares templates after defaulting, so omitted defaults are no change', () => {
    const {api, recording} = setup()
    api.create(deploymentOf('web', 'nginx:1.25'))
    const live = api.get(deployments, 'default', 'web')
    // The manifest as written: none of the defaults the API server filled in.
    recording.update({...deploymentOf('web', 'nginx:1.25'), metadata: {...live.metadata}})
    expect(annotationsOf(api)).toBeUndefined()
  })

  it('passes status writes and other kinds straight through', () => {
    const {api, recording} = setup()
    recording.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'solo'},
      spec: {containers: [{name: 'a', image: 'busybox'}]},
    })
    expect(api.get(mustTypeForKind('Pod'), 'default', 'solo').metadata.annotations).toBeUndefined()
    api.create(deploymentOf('web', 'nginx:1.25'))
    const live = api.get(deployments, 'default', 'web')
    recording.update({...live, status: {observedGeneration: 1}}, {subresource: 'status'})
    expect(annotationsOf(api)).toBeUndefined()
    expect(recording.store).toBe(api.store)
  })
})
