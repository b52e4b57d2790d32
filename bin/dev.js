#!/usr/bin/env -S node --import tsx --no-warnings
// Runs tug from src/ through tsx, without a build: package.json points oclif at the bundle, so this launcher
// gives oclif a root plugin that finds the commands in src/commands instead and ignores the manifest.
import {execute, Plugin} from '@oclif/core'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

process.env.NODE_ENV = 'development'
const root = fileURLToPath(new URL('..', import.meta.url))
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const plugin = new Plugin({
  root,
  isRoot: true,
  ignoreManifest: true,
  pjson: {...pjson, oclif: {...pjson.oclif, commands: './src/commands'}},
})
await plugin.load()

await execute({development: true, loadOptions: {root, plugins: new Map([[plugin.name, plugin]])}})
