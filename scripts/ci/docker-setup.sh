#!/usr/bin/env bash
# Everything the Docker tests need on a fresh machine: docker.io and debootstrap from Debian, our own
# dockerd, the node:20-bookworm-slim stand-in (Docker Hub is unreachable here), and the three images.
# It fails loudly when it cannot run: in CI the Docker stage is never skipped silently.
#   bash scripts/ci/docker-setup.sh        then: export DOCKER_HOST=unix:///tmp/nlp-api-docker/docker.sock
set -euo pipefail
cd "$(dirname "$0")/../.."
cannot() {
  echo "" >&2
  echo "*** THE DOCKER STAGE CANNOT RUN: $* ***" >&2
  echo "" >&2
  exit 1
}
[[ $(id -u) == 0 ]] || cannot "it needs root (apt-get, dockerd, debootstrap); running as $(id -un)"
if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
  echo "docker-setup: installing docker.io and debootstrap"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io debootstrap; } \
    >/tmp/nlp-apt.log 2>&1 || { tail -20 /tmp/nlp-apt.log >&2; cannot "apt-get could not install docker.io and debootstrap"; }
fi
scripts/docker/engine.sh up || cannot "dockerd did not start"
export DOCKER_HOST=unix://${NLP_DOCKER_DIR:-/tmp/nlp-api-docker}/docker.sock
started=$(date +%s)
scripts/docker/make-base-image.sh node:20-bookworm-slim || cannot "the base image stand-in could not be built"
echo "docker-setup: base image ready after $(( $(date +%s) - started )) s"
scripts/docker/build-images.sh --quiet >/dev/null || cannot "the images did not build"
echo "docker-setup: images built after $(( $(date +%s) - started )) s:"
docker image ls --format '  {{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E 'nlp-api/|node:20' | sort
