# Container engines for Tugboat's integration tests, CI and local development (bash).
#
#   source scripts/engines.sh        # from .ci/run, or in your shell before `npx vitest run test/integration`
#
# On a Debian machine where you are root (CI: a fresh Debian 12), it:
#   1. installs podman, runc, docker.io and busybox-static with apt-get when they are missing;
#   2. writes a containers.conf that these machines need (runc instead of crun, which fails on hybrid cgroups;
#      ulimits low enough to set without CAP_SYS_RESOURCE) and exports CONTAINERS_CONF pointing at it, so
#      nothing under /etc changes;
#   3. starts a docker engine on a private socket unless one already answers there, waits until `docker info`
#      answers, and exports DOCKER_HOST.
# Elsewhere (a laptop with Docker Desktop or rootless podman) it changes nothing it does not need to: no
# installs without root and apt-get, no private dockerd without root and dockerd, DOCKER_HOST untouched then.
# Running it twice is harmless. It must not `exit` or `set -e`: it runs inside the caller's shell (and works
# when that shell has `set -euo pipefail`, as .ci/run does). It returns non-zero when the set-up failed.

tugboat_engines_main() {
  local config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/tugboat"
  local socket=/run/tugboat-docker.sock
  local lock="${TMPDIR:-/tmp}/tugboat-engines.lock"
  local log="${TUGBOAT_DOCKERD_LOG:-/tmp/tugboat-dockerd.log}"

  tugboat_engines_install "$lock" || return 1
  tugboat_engines_podman_conf "$config_dir" || return 1
  tugboat_engines_dockerd "$socket" "$lock" "$log" || return 1
  return 0
}

# Installs the Debian packages whose programs are missing (root with apt-get only).
tugboat_engines_install() {
  local lock="$1" packages=()
  command -v podman >/dev/null 2>&1 || packages+=(podman)
  command -v runc >/dev/null 2>&1 || packages+=(runc)
  command -v dockerd >/dev/null 2>&1 || packages+=(docker.io)
  # grep reads all of the list (no -q): an early exit would SIGPIPE busybox and fail under pipefail.
  [ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -x httpd >/dev/null || packages+=(busybox-static)
  [ ${#packages[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "engines: missing ${packages[*]}; install them (Debian: apt-get install -y ${packages[*]})" >&2
    return 0
  fi
  echo "engines: installing ${packages[*]}" >&2
  (
    # Several shells may source this at once; apt's own lock would make the second fail instead of wait.
    flock 9
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
        --no-install-recommends "${packages[@]}" >/dev/null
  ) 9>"$lock" || {
    echo "engines: apt-get install ${packages[*]} failed" >&2
    return 1
  }
}

# Writes Tugboat's containers.conf and points podman at it (Linux with podman only).
tugboat_engines_podman_conf() {
  local dir="$1"
  command -v podman >/dev/null 2>&1 || return 0
  [ "$(uname -s)" = Linux ] || return 0
  mkdir -p "$dir" || return 1
  {
    echo '# Written by scripts/engines.sh: podman settings Tugboat needs on its CI machines.'
    echo '[containers]'
    echo '# The default ulimits (nofile 1048576) need CAP_SYS_RESOURCE, which CI containers lack.'
    echo 'default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]'
    echo '[engine]'
    echo '# Tugboat follows events from the file; journald is not always there.'
    echo 'events_logger = "file"'
    if command -v runc >/dev/null 2>&1; then
      echo '# crun fails with "cgroups in hybrid mode not supported" on these machines.'
      echo 'runtime = "runc"'
    fi
  } >"$dir/containers.conf.tmp" && mv "$dir/containers.conf.tmp" "$dir/containers.conf" || return 1
  export CONTAINERS_CONF="$dir/containers.conf"
}

# Starts dockerd on the private socket unless an engine answers there, then exports DOCKER_HOST.
tugboat_engines_dockerd() {
  local socket="$1" lock="$2" log="$3"
  command -v dockerd >/dev/null 2>&1 || return 0
  command -v docker >/dev/null 2>&1 || return 0
  if ! DOCKER_HOST="unix://$socket" docker info >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
      echo "engines: no docker engine on $socket and starting one needs root; using the default docker" >&2
      return 0
    fi
    (
      flock 9
      # Another shell may have started it while this one waited for the lock.
      DOCKER_HOST="unix://$socket" docker info >/dev/null 2>&1 && exit 0
      local pid
      pid="$(cat /run/tugboat-docker.pid 2>/dev/null || true)"
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        echo "engines: dockerd (pid $pid) is starting; waiting for it" >&2
      else
        rm -f /run/tugboat-docker.pid
        echo "engines: starting dockerd on $socket (log: $log)" >&2
        # setsid -f: the engine outlives this shell and stays out of its job table.
        setsid -f dockerd --host "unix://$socket" --data-root /var/lib/tugboat-docker \
          --exec-root /run/tugboat-docker --pidfile /run/tugboat-docker.pid </dev/null >"$log" 2>&1
      fi
      local tries=0
      until DOCKER_HOST="unix://$socket" docker info >/dev/null 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -gt 120 ]; then
          echo "engines: dockerd did not answer within 60 s; the end of $log:" >&2
          tail -n 20 "$log" >&2
          exit 1
        fi
        sleep 0.5
      done
    ) 9>"$lock" || return 1
  fi
  export DOCKER_HOST="unix://$socket"
}

if tugboat_engines_main; then
  echo "engines: ready (DOCKER_HOST=${DOCKER_HOST:-unset}, CONTAINERS_CONF=${CONTAINERS_CONF:-unset})" >&2
  tugboat_engines_status=0
else
  echo "engines: set-up failed" >&2
  tugboat_engines_status=1
fi
unset -f tugboat_engines_main tugboat_engines_install tugboat_engines_podman_conf tugboat_engines_dockerd
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  echo "engines: run as a program, the exports are lost; use: source scripts/engines.sh" >&2
  exit "$tugboat_engines_status"
fi
# shellcheck disable=SC2317 # reached only when sourced
return "$tugboat_engines_status" 2>/dev/null || true
