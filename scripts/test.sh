#!/usr/bin/env bash
# npm test: typecheck, lint and format check, then the whole vitest suite. The integration tests drive real
# docker and podman, so the engines are set up first (scripts/engines.sh: installs them on a Debian machine
# where we are root, points podman at the configuration these machines need, starts a private docker
# engine) and the local images built. Elsewhere, tests whose engine is missing skip with a message, except
# with CI=true, where they fail.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run typecheck
npm run lint
# shellcheck source=scripts/engines.sh
source scripts/engines.sh || echo "test: engine set-up failed; integration tests will say which engine is missing" >&2
bash scripts/build-images.sh || echo "test: could not build the local images; integration tests will say why" >&2
npx vitest run "$@"
