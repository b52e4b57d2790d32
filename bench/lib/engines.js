// Which container engines the pod figures can use. The engines on the development machines need the
// settings scripts/engines.sh writes (podman: runc and low ulimits through CONTAINERS_CONF; docker: a private
// socket); when the caller's shell did not source it but its files are there, the benchmark uses them.
import {existsSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from './commands.js'

/** The images every pod figure runs (built by `npm run images`). */
export const IMAGES = {app: 'tugboat/demo:v1', infra: 'tugboat/pause:3.9'}

const PRIVATE_DOCKER_SOCKET = '/run/tugboat-docker.sock'

/** Sets DOCKER_HOST and CONTAINERS_CONF from scripts/engines.sh's files when unset; returns what it set. */
export function adoptEngineSettings(env = process.env) {
  const adopted = []
  const conf = join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'tugboat', 'containers.conf')
  if (!env.CONTAINERS_CONF && existsSync(conf)) {
    env.CONTAINERS_CONF = conf
    adopted.push(`CONTAINERS_CONF=${conf}`)
  }
  if (!env.DOCKER_HOST && existsSync(PRIVATE_DOCKER_SOCKET)) {
    env.DOCKER_HOST = `unix://${PRIVATE_DOCKER_SOCKET}`
    adopted.push(`DOCKER_HOST=${env.DOCKER_HOST}`)
  }
  return adopted
}

/**
 * Each engine of `names` with its version, or why the figures cannot use it (not installed, engine down,
 * images missing).
 */
export async function probeEngines(names) {
  return Promise.all(names.map(probeEngine))
}

async function probeEngine(name) {
  const format = name === 'docker' ? '{{.Server.Version}}' : '{{.Client.Version}}'
  const version = await runCommand(name, ['version', `--format=${format}`], {timeoutMs: 15_000})
  if (version.code !== 0 || !version.stdout.trim()) {
    const why = version.stderr.trim().split('\n').pop() || `exit ${version.code}`
    return {name, ok: false, why: `${name} does not answer (${why}); run \`source scripts/engines.sh\``}
  }
  for (const image of Object.values(IMAGES)) {
    const found = await runCommand(name, ['image', 'inspect', '--format={{.Id}}', image], {timeoutMs: 15_000})
    if (found.code !== 0) return {name, ok: false, why: `${name} lacks ${image}; run \`npm run images\``}
  }
  return {name, ok: true, version: version.stdout.trim()}
}
