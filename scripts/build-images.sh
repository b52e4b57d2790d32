#!/usr/bin/env bash
# Builds Tugboat's small local images without a registry, for each engine that answers (docker, podman):
#
#   tugboat/demo:v1, tugboat/demo:v2  busybox httpd on :8080; GET / answers "tugboat demo <version> on <hostname>"
#                                     (a CGI, so the hostname is the container's); GET /healthz answers 200 "ok"
#   tugboat/demo:unready              serves like v1 but GET /healthz answers 404, so readiness probes fail
#   tugboat/demo:crash                says so on stderr and exits with code 1 after a second
#   tugboat/pause:3.9                 the pod infra container: sleeps until told to stop
#
# Each image is a rootfs holding a static busybox, its applet symlinks and one small script, tarred and
# imported (`docker import` / `podman import`). Every PID 1 script traps SIGTERM: a shell as PID 1 would
# otherwise ignore it and each stop would wait out the grace period.
#
# Usage: scripts/build-images.sh [--force] [--engine docker|podman]...
#   Existing images are kept unless --force. Without --engine, builds for every engine that answers.
#   BUSYBOX=/path/to/static/busybox overrides the busybox used; without one on this machine, it is copied out
#   of the public busybox:1.36-musl image (needs a registry).
set -euo pipefail

force=0
engines=()
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=1 ;;
    --engine)
      shift
      engines+=("${1:?--engine needs docker or podman}")
      ;;
    --engine=*) engines+=("${1#--engine=}") ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build-images: unknown argument $1" >&2
      exit 2
      ;;
  esac
  shift
done

engine_answers() {
  case "$1" in
    docker) command -v docker >/dev/null 2>&1 && docker version --format '{{.Server.Version}}' >/dev/null 2>&1 ;;
    podman) command -v podman >/dev/null 2>&1 && podman version --format '{{.Client.Version}}' >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

if [ ${#engines[@]} -eq 0 ]; then
  for candidate in docker podman; do
    if engine_answers "$candidate"; then engines+=("$candidate"); fi
  done
  if [ ${#engines[@]} -eq 0 ]; then
    echo "build-images: neither docker nor podman answers; run 'source scripts/engines.sh' first" >&2
    exit 1
  fi
else
  for engine in "${engines[@]}"; do
    if ! engine_answers "$engine"; then
      echo "build-images: $engine does not answer; run 'source scripts/engines.sh' first" >&2
      exit 1
    fi
  done
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/tugboat-images.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A static busybox: the machine's (Debian's busybox-static), else one copied out of the public image.
find_busybox() {
  local candidate
  for candidate in "${BUSYBOX:-}" /bin/busybox /usr/bin/busybox; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    # A dynamically linked busybox would need its libraries inside the image.
    if ! ldd "$candidate" >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  local engine="${engines[0]}" container
  echo "build-images: no static busybox here (Debian: apt-get install busybox-static); copying it out of busybox:1.36-musl" >&2
  container="$("$engine" create busybox:1.36-musl)"
  "$engine" cp "$container:/bin/busybox" "$work/busybox" >/dev/null
  "$engine" rm "$container" >/dev/null
  echo "$work/busybox"
}
busybox="$(find_busybox)"

# rootfs <dir>: a busybox with every applet linked into /bin.
make_rootfs() {
  local root="$1" applet
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/www/cgi-bin"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'root:x:0:' >"$root/etc/group"
  chmod 1777 "$root/tmp"
}

# The demo server: httpd in the foreground of a shell that turns SIGTERM into a prompt exit.
write_demo() {
  local root="$1" version="$2" healthy="$3"
  cat >"$root/bin/demo-server" <<'EOF'
#!/bin/sh
# PID 1 of tugboat/demo: serves /www on :8080 until SIGTERM or SIGINT.
httpd -f -p 8080 -h /www &
server=$!
trap 'kill "$server" 2>/dev/null; exit 0' TERM INT
echo "tugboat demo $(cat /etc/demo-version) listening on :8080" >&2
wait "$server"
EOF
  cat >"$root/www/cgi-bin/index.cgi" <<'EOF'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
echo "tugboat demo $(cat /etc/demo-version) on $(hostname)"
EOF
  echo "$version" >"$root/etc/demo-version"
  if [ "$healthy" = 1 ]; then echo ok >"$root/www/healthz"; fi
  chmod 755 "$root/bin/demo-server" "$root/www/cgi-bin/index.cgi"
}

write_crash() {
  cat >"$1/bin/crash" <<'EOF'
#!/bin/sh
# PID 1 of tugboat/demo:crash: fails after a second, like a program that cannot start.
trap 'exit 143' TERM INT
echo "tugboat demo crash: starting" >&2
sleep 1 &
wait $!
echo "tugboat demo crash: giving up, exit code 1" >&2
exit 1
EOF
  chmod 755 "$1/bin/crash"
}

write_pause() {
  cat >"$1/pause" <<'EOF'
#!/bin/sh
# PID 1 of tugboat/pause: holds the pod's namespaces and does nothing else until told to stop.
trap 'exit 0' TERM INT
while :; do
  sleep 3600 &
  wait $!
done
EOF
  chmod 755 "$1/pause"
}

# build <name:tag> <CMD json> <writer> [writer args...]: the writer gets the rootfs first, then its args.
build() {
  local image="$1" cmd="$2" writer="$3" root engine needed=()
  shift 3
  for engine in "${engines[@]}"; do
    if [ "$force" = 0 ] && "$engine" image inspect "$image" >/dev/null 2>&1; then
      echo "build-images: $engine already has $image" >&2
    else
      needed+=("$engine")
    fi
  done
  [ ${#needed[@]} -gt 0 ] || return 0
  root="$work/$(echo "$image" | tr '/:' '__')"
  make_rootfs "$root"
  "$writer" "$root" "$@"
  # Files owned by root inside the image; BSD tar (macOS) lacks GNU's --owner, and root runs them anyway.
  tar -C "$root" --numeric-owner --owner=0 --group=0 -cf "$root.tar" . 2>/dev/null ||
    tar -C "$root" -cf "$root.tar" .
  for engine in "${needed[@]}"; do
    quiet=()
    [ "$engine" = podman ] && quiet=(--quiet)
    "$engine" import "${quiet[@]}" --change "CMD $cmd" --change 'WORKDIR /' "$root.tar" "$image" >/dev/null
    echo "build-images: $engine imported $image" >&2
  done
}

build tugboat/demo:v1 '["/bin/demo-server"]' write_demo v1 1
build tugboat/demo:v2 '["/bin/demo-server"]' write_demo v2 1
build tugboat/demo:unready '["/bin/demo-server"]' write_demo unready 0
build tugboat/demo:crash '["/bin/crash"]' write_crash
build tugboat/pause:3.9 '["/pause"]' write_pause
