import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import ApiResources from '../../src/commands/api-resources.js'
import Describe from '../../src/commands/describe.js'
import Get from '../../src/commands/get.js'
import type {KubeObject} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir} from '../support/state-dir.js'

const SERVICE: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {name: 'web', labels: {app: 'web'}},
  spec: {type: 'NodePort', selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080, nodePort: 30080}]},
}

const ENDPOINTS: KubeObject = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: {name: 'web', labels: {app: 'web'}},
  subsets: [
    {
      addresses: [{ip: '10.88.0.5'}, {ip: '10.88.0.6'}, {ip: '10.88.0.7'}, {ip: '10.88.0.8'}],
      notReadyAddresses: [{ip: '10.88.0.9'}],
      ports: [{port: 8080, protocol: 'TCP'}],
    },
  ],
}

describe('tug get and describe endpoints', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())
  const tug = (command: Parameters<typeof runTug>[0], ...argv: string[]) => runTug(command, argv, home.home)

  it('lists endpoints as kubectl does, by either name', async () => {
    seedStateDir(home.home, SERVICE, ENDPOINTS, {...ENDPOINTS, metadata: {name: 'db'}, subsets: undefined})
    const {stdout, exitCode} = await tug(Get, 'endpoints')
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(
      /^NAME {3}ENDPOINTS {50}AGE\ndb {5}<none> {53}\d+s\nweb {4}10\.88\.0\.5:8080,10\.88\.0\.6:8080,10\.88\.0\.7:8080 \+ 1 more\.\.\. {3}\d+s\n$/,
    )
    expect((await tug(Get, 'ep', '-o', 'name')).stdout).toBe('endpoints/db\nendpoints/web\n')
  })

  it("describes a service's endpoints from its Endpoints object", async () => {
    seedStateDir(home.home, SERVICE, ENDPOINTS)
    const {stdout} = await tug(Describe, 'svc', 'web')
    expect(stdout).toContain(
      '\nEndpoints:                10.88.0.5:8080,10.88.0.6:8080,10.88.0.7:8080 + 1 more...\n',
    )
    const described = await tug(Describe, 'ep', 'web')
    expect(described.stdout).toContain('  Addresses:          10.88.0.5,10.88.0.6,10.88.0.7,10.88.0.8\n')
    expect(described.stdout).toContain('  NotReadyAddresses:  10.88.0.9\n')
  })

  it('describes the endpoints from the selected pods while no Endpoints object exists', async () => {
    seedStateDir(home.home, SERVICE)
    expect((await tug(Describe, 'svc', 'web')).stdout).toContain('\nEndpoints:                <none>\n')
  })

  it('lists endpoints among the API resources', async () => {
    expect((await tug(ApiResources)).stdout).toMatch(/\nendpoints +ep +v1 +true +Endpoints\n/)
  })
})
