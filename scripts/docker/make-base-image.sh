#!/usr/bin/env bash
# Docker Hub cannot be reached here, so build a stand-in for node:20-bookworm-slim and give it the official
# name: a Debian bookworm minbase from the Debian mirror, plus this machine's own Node 20 and npm. The
# Dockerfiles stay standard: on a normal machine `FROM node:20-bookworm-slim` pulls the real image.
#   scripts/docker/make-base-image.sh [tag]      (uses DOCKER_HOST)
set -euo pipefail
TAG=${1:-node:20-bookworm-slim}
if docker image inspect "$TAG" >/dev/null 2>&1; then echo "base image $TAG already present"; exit 0; fi
command -v debootstrap >/dev/null || { echo "make-base-image: debootstrap is not installed" >&2; exit 1; }
R=$(mktemp -d /tmp/nlp-rootfs.XXXXXX)
trap 'rm -rf "$R"' EXIT
MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
debootstrap --variant=minbase bookworm "$R" ${MIRROR:+"$MIRROR"} >"$R.log" 2>&1 || { tail -20 "$R.log"; exit 1; }
rm -f "$R.log"
rm -rf "$R"/var/cache/apt/archives/*.deb "$R"/var/lib/apt/lists/*
install -m 755 "$(readlink -f "$(command -v node)")" "$R/usr/local/bin/node"
mkdir -p "$R/usr/local/lib/node_modules" "$R/etc/ssl/certs"
cp -a "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$R/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$R/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$R/usr/local/bin/npx"
# This sandbox reaches the npm registry through its own CA; npm inside a build stage needs it.
cp /etc/ssl/certs/ca-certificates.crt "$R/etc/ssl/certs/ca-certificates.crt"
# The official image has a `node` user with uid 1000; so does the stand-in.
chroot "$R" groupadd --gid 1000 node
chroot "$R" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
chroot "$R" node -e 'process.exit(0)'
tar -C "$R" -c . | docker import \
  -c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'CMD ["node"]' - "$TAG" >/dev/null
docker run --rm "$TAG" node -e 'console.log("base image ok:", process.version)'
