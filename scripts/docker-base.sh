#!/bin/sh
# Build the sandbox images' base from Debian's own mirror, for machines whose Docker
# engine cannot pull from Docker Hub (no registry but Debian's, PyPI and npm).
#
#   scripts/docker-base.sh [TAG]        default TAG: codevet/debian-base:12
#
# debootstrap (minbase, bookworm) into a temporary folder, add the same apt sources the
# official debian:12 image has (bookworm, bookworm-updates, bookworm-security), then
# `docker import` it. Then: codevet images build --base TAG. Idempotent: an existing TAG
# is kept.
set -eu
TAG="${1:-codevet/debian-base:12}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if docker image inspect "$TAG" >/dev/null 2>&1; then
  echo "docker-base: $TAG is already there"; exit 0
fi
command -v debootstrap >/dev/null || { echo "docker-base: needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
ROOTFS="$(mktemp -d /tmp/codevet-rootfs.XXXXXX)"
trap 'rm -rf "$ROOTFS"' EXIT
debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR"
rm -f "$ROOTFS/etc/apt/sources.list"
cat > "$ROOTFS/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/*
tar -C "$ROOTFS" -c . | docker import --change 'CMD ["/bin/bash"]' - "$TAG"
echo "docker-base: imported $TAG"
