// Writes oclif.manifest.json so `tug` starts without importing every command (oclif reads the manifest and
// imports only the command it runs). Run after tsc, by `npm run build`.
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
