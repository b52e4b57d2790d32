#!/usr/bin/env node
// Runs tug from dist/tug.cjs, the one-file bundle `npm run build` makes, compiled with V8's code cache
// (dist/tug.cjs.cache): Node 20 has no compile cache of its own, and parsing the bundle on every start would
// cost ~35 ms. A cache made by another build, Node or V8 flags is rejected by V8 (or by the build line);
// then this run compiles from source and, best effort, writes a fresh cache at exit.
import {createRequire, Module} from 'node:module'
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

const file = fileURLToPath(new URL('../dist/tug.cjs', import.meta.url))
const cacheFile = `${file}.cache`
const source = readFileSync(file, 'utf8')
// The bundle's first line names its build; the cache starts with the same line, then V8's data.
const header = Buffer.from(source.slice(0, source.indexOf('\n') + 1))

function readCache() {
  try {
    const data = readFileSync(cacheFile)
    return data.subarray(0, header.length).equals(header) ? data.subarray(header.length) : undefined
  } catch {
    return undefined
  }
}

function writeCache(data) {
  const temporary = `${cacheFile}.${process.pid}`
  try {
    writeFileSync(temporary, Buffer.concat([header, data]))
    renameSync(temporary, cacheFile)
  } catch {
    // A read-only install runs without the cache.
    rmSync(temporary, {force: true})
  }
}

const cachedData = readCache()
// The same wrapper Node's CommonJS loader puts around a module.
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
const script = new vm.Script(wrapped, {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
})
const require = createRequire(file)
const bundle = new Module(file)
bundle.filename = file
// oclif's explicit command discovery requires the bundle again: it must find this instance, not load a second.
require.cache[file] = bundle
script.runInThisContext()(bundle.exports, require, bundle, file, dirname(file))
bundle.loaded = true
if (!cachedData || script.cachedDataRejected)
  process.once('exit', () => writeCache(script.createCachedData()))

await bundle.exports.execute({dir: import.meta.url})
