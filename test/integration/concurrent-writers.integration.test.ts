import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {afterEach, describe, expect, it} from 'vitest'
import {openApiServer} from '../../src/cli/context.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import {ROOT, tempHome} from '../support/run-tug.js'

const run = promisify(execFile)
const PROCESSES = 8
const WRITES = 200

describe('several processes writing at once', () => {
  const {home, cleanup} = tempHome()
  afterEach(cleanup)

  it('never surfaces SQLITE_BUSY and never loses a write', {timeout: 120_000}, async () => {
    const writers = Array.from({length: PROCESSES}, (_, id) =>
      run(
        process.execPath,
        ['--import', 'tsx', 'test/support/concurrent-writer.ts', home, String(id), String(WRITES)],
        {cwd: ROOT},
      ),
    )
    const outputs = await Promise.all(writers)
    for (const {stderr} of outputs) expect(stderr).not.toMatch(/SQLITE_BUSY|Error/)
    const summaries = outputs.map(({stdout}) => JSON.parse(stdout) as {writes: number})
    expect(summaries.map((s) => s.writes)).toEqual(Array(PROCESSES).fill(WRITES))

    const api = openApiServer(home)
    try {
      expect(api.list(mustTypeForKind('Pod'), {namespace: 'default'})).toHaveLength((PROCESSES * WRITES) / 2)
      const shared = api.get(mustTypeForKind('Namespace'), '', 'default')
      expect(shared.metadata.annotations?.['tugboat.test/count']).toBe(String((PROCESSES * WRITES) / 2))
      // Every accepted write is one entry in the change log, with no gaps in resourceVersion.
      const changes = api.store.changesSince(0, 1_000_000)
      expect(changes.map((c) => c.resourceVersion)).toEqual(changes.map((_, i) => i + 1))
    } finally {
      api.store.close()
    }
  })
})
