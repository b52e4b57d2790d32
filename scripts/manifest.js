// Writes oclif.manifest.json, the commands' ids, flags and help text, so that oclif lists and parses commands
// without asking the bundle for every class. Run by scripts/build.js once dist/tug.cjs exists: package.json's
// explicit command discovery loads the COMMANDS the bundle exports.
import {Plugin} from '@oclif/core'
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const plugin = new Plugin({
  root,
  type: 'core',
  ignoreManifest: true,
  errorOnManifestCreate: true,
  isRoot: true,
})
await plugin.load()
writeFileSync(new URL('../oclif.manifest.json', import.meta.url), JSON.stringify(plugin.manifest))
console.error(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands`)
