/**
 * The fix for the engine failures people meet most, recognised from stderr, so an error ends with what to
 * do rather than only with what the engine said.
 */

/** One recognisable failure and its fix. */
interface Hint {
  pattern: RegExp
  hint: (file: string) => string
}

/** docker's client says this, in several wordings, when no engine answers on its socket. */
export const DOCKER_ENGINE_DOWN =
  /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i

const HINTS: Hint[] = [
  {
    pattern: DOCKER_ENGINE_DOWN,
    hint: () =>
      'start the docker engine (Docker Desktop, or `sudo systemctl start docker`; on Tugboat CI machines `source scripts/engines.sh`), check DOCKER_HOST, or use --runtime podman',
  },
  {
    pattern: /cgroups in hybrid mode not supported|setrlimit `?RLIMIT_\w+`?: Operation not permitted/i,
    hint: () =>
      'podman needs runc and lower ulimits on this machine: `source scripts/engines.sh` writes a containers.conf and sets CONTAINERS_CONF',
  },
  {
    pattern: /No such image|image not known/i,
    hint: () => 'pull the image first, or build the local tugboat/* images with `npm run images`',
  },
  {
    pattern: /short-name .* did not resolve|unqualified-search registries/i,
    hint: () => 'name the registry in the image, e.g. docker.io/library/nginx:1.25',
  },
  {
    pattern: /dial tcp|no such host|i\/o timeout|TLS handshake timeout|network is unreachable/i,
    hint: () =>
      'no image registry is reachable; build the local images with `npm run images` and use tugboat/demo:v1 and friends',
  },
]

/** The fix for a failure, if it is one of the known ones. */
export function hintFor(file: string, stderr: string, spawnErrorCode?: string): string | undefined {
  if (spawnErrorCode === 'ENOENT')
    return `${file} is not installed or not on PATH; install it or use --runtime`
  return HINTS.find(({pattern}) => pattern.test(stderr))?.hint(file)
}
