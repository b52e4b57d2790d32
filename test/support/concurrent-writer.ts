/**
 * One of several processes writing to the same state directory at once, through the same API server a `tug`
 * command uses: `node --import tsx concurrent-writer.ts HOME ID WRITES`. Half the writes create pods of its
 * own; half increment a shared counter with optimistic concurrency (read, modify, retry on Conflict).
 * Prints a JSON summary; any other error exits non-zero with its message.
 */
import {ApiError} from '../../src/core/api/errors.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import {openApiServer} from '../../src/cli/context.js'

const [home = '', id = '0', writesArg = '200'] = process.argv.slice(2)
const writes = Number(writesArg)
const api = openApiServer(home)
const namespaceType = mustTypeForKind('Namespace')
let conflicts = 0

for (let i = 0; i < writes; i++) {
  if (i % 2 === 0) {
    api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: `writer-${id}-${i}`, namespace: 'default', labels: {writer: id}},
      spec: {containers: [{name: 'app', image: 'busybox:1.36'}]},
    })
    continue
  }
  for (;;) {
    const shared = api.get(namespaceType, '', 'default')
    const count = Number(shared.metadata.annotations?.['tugboat.test/count'] ?? '0')
    try {
      api.update({
        ...shared,
        metadata: {
          ...shared.metadata,
          annotations: {...shared.metadata.annotations, 'tugboat.test/count': String(count + 1)},
        },
      })
      break
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'Conflict') {
        if (
          !error.message.includes(
            'the object has been modified; please apply your changes to the latest version and try again',
          )
        )
          throw error
        conflicts++
        continue
      }
      throw error
    }
  }
}
api.store.close()
process.stdout.write(JSON.stringify({id, writes, conflicts}))
