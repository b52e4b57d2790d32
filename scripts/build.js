// npm run build: bundles tug into one CommonJS file, dist/tug.cjs (bin, @oclif/core and every command),
// writes oclif.manifest.json, and trains V8's code cache for the bundle (dist/tug.cjs.cache, used by
// bin/run.js). Why: loading hundreds of small modules cost ~100 ms per start, and Node 20 has no compile
// cache of its own (module.enableCompileCache came in Node 22); one file plus a code cache costs ~35 ms.
// Type checking is `npm run typecheck`: esbuild only strips types.
import {build} from 'esbuild'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist')
const BUNDLE = join(DIST, 'tug.cjs')
const COMMANDS_DIR = join(ROOT, 'src', 'commands')

/**
 * Files that bundled modules find through import.meta.url, which in the bundle is dist/tug.cjs: the build
 * copies each next to it under the name the module asks for. A module not listed here that uses
 * import.meta.url fails the build, rather than failing at run time.
 */
const ASSETS = [
  {user: 'src/db/open.ts', from: 'src/db/migrations', to: 'migrations'},
  {user: 'src/core/api/schema/schema.ts', from: 'src/core/api/schema/kinds.json', to: 'kinds.json'},
]

/** Every command file, as oclif's pattern discovery would find it: `create/deployment.ts` is `create:deployment`. */
function commandFiles(dir = COMMANDS_DIR) {
  return readdirSync(dir, {withFileTypes: true})
    .flatMap((entry) => (entry.isDirectory() ? commandFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .sort()
}

/** The bundle's entry: oclif's execute, and the COMMANDS map that package.json's explicit discovery names. */
function entrySource() {
  const imports = []
  const entries = []
  commandFiles().forEach((file, index) => {
    const parts = relative(COMMANDS_DIR, file).slice(0, -'.ts'.length).split(sep)
    if (parts.at(-1) === 'index') parts.pop()
    imports.push(`import command${index} from './${relative(ROOT, file).split(sep).join('/')}'`)
    entries.push(`  ${JSON.stringify(parts.join(':'))}: command${index},`)
  })
  return [
    "export {execute} from '@oclif/core'",
    ...imports,
    `export const COMMANDS = {\n${entries.join('\n')}\n}`,
  ].join('\n')
}

/** Fails the build when a module outside ASSETS locates files through import.meta.url. */
const assetGuard = {
  name: 'asset-guard',
  setup(builder) {
    builder.onLoad({filter: /[/\\]src[/\\].*\.ts$/}, (args) => {
      const file = relative(ROOT, args.path).split(sep).join('/')
      if (readFileSync(args.path, 'utf8').includes('import.meta') && !ASSETS.some(({user}) => user === file))
        throw new Error(`${file} uses import.meta: list the files it reads in ASSETS (scripts/build.js)`)
      return undefined
    })
  },
}

/**
 * oclif sorts the command list with localeCompare on every start, and the first localeCompare loads ICU's
 * collation data (~10 ms). Command ids are ASCII, so a plain comparison gives the same order.
 */
const oclifSortPatch = {
  name: 'oclif-sort-patch',
  setup(builder) {
    builder.onLoad({filter: /@oclif[/\\]core[/\\]lib[/\\]config[/\\]plugin\.js$/}, (args) => {
      const original = readFileSync(args.path, 'utf8')
      const patched = original.replace('a.id.localeCompare(b.id)', '(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)')
      if (patched === original)
        throw new Error(`${args.path}: oclif's command sort changed; update oclifSortPatch`)
      return {contents: patched, loader: 'js'}
    })
  },
}

/**
 * better-sqlite3 finds its native addon through the `bindings` package, which probes a dozen paths from the
 * caller's stack (~5 ms, plus loading its own files). Bundled, it gets this stand-in that loads the addon
 * from where better-sqlite3's install builds it; the build's own runs of tug below fail if that moves.
 */
const bindingsShim = {
  name: 'bindings-shim',
  setup(builder) {
    builder.onResolve({filter: /^bindings$/}, () => ({path: 'bindings', namespace: 'bindings-shim'}))
    builder.onLoad({filter: /.*/, namespace: 'bindings-shim'}, () => ({
      contents: [
        "const {dirname, join} = require('node:path')",
        "const root = dirname(require.resolve('better-sqlite3/package.json'))",
        "module.exports = (name) => require(join(root, 'build', 'Release', name))",
      ].join('\n'),
      loader: 'js',
    }))
  },
}

rmSync(DIST, {recursive: true, force: true})
const result = await build({
  stdin: {contents: entrySource(), resolveDir: ROOT, sourcefile: 'tug-entry.js', loader: 'js'},
  outfile: BUNDLE,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The bindings stand-in finds the addon through better-sqlite3's package.json; typescript is only for
  // oclif's dev mode.
  external: ['better-sqlite3/package.json', 'typescript'],
  define: {'import.meta.url': '__tugImportMetaUrl'},
  banner: {js: "const __tugImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"},
  plugins: [assetGuard, oclifSortPatch, bindingsShim],
  logLevel: 'silent',
})
if (result.warnings.length > 0) {
  for (const warning of result.warnings) console.error(`${warning.location?.file ?? ''}: ${warning.text}`)
  throw new Error('esbuild warnings: fix them, the bundle must not depend on anything it warns about')
}
// The first line names the build by its content: bin/run.js only uses a code cache made for the same one.
const code = result.outputFiles[0].text
mkdirSync(DIST, {recursive: true})
writeFileSync(BUNDLE, `// tug build ${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n${code}`)
for (const {from, to} of ASSETS) cpSync(join(ROOT, from), join(DIST, to), {recursive: true})

/** Runs the built tug; the build fails if it does. */
function tug(args, home) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {
    env: {...process.env, TUG_HOME: home, NO_COLOR: '1'},
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`tug ${args.join(' ')} failed (${run.status}): ${run.stderr}`)
}

const manifest = spawnSync(process.execPath, [join(ROOT, 'scripts', 'manifest.js')], {stdio: 'inherit'})
if (manifest.status !== 0) throw new Error('scripts/manifest.js failed')

// bin/run.js writes the cache when there is none, with every function the run compiled: first make some
// pods, then let `tug get pods` (the command the benchmark times) write it.
const home = mkdtempSync(join(tmpdir(), 'tug-build-'))
try {
  const pods = Array.from(
    {length: 3},
    (_, i) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  labels:\n    app: build\nspec:\n  containers:\n  - name: app\n    image: tugboat/demo:v1\n`,
  )
  writeFileSync(join(home, 'pods.yaml'), pods.join('---\n'))
  tug(['apply', '-f', join(home, 'pods.yaml')], home)
  rmSync(`${BUNDLE}.cache`, {force: true})
  tug(['get', 'pods'], home)
} finally {
  rmSync(home, {recursive: true, force: true})
}
console.error(`dist/tug.cjs: ${Math.round(code.length / 1024)} KiB, code cache trained`)
