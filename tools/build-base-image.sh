#!/usr/bin/env bash
# Builds the container base image Parley's image is layered on when no registry is reachable (CI,
# this project's build machines): Debian bookworm, minbase, with Debian's OpenJDK 17 JRE (a
# maintained JRE: Debian's security team patches it for bookworm's life), packed as a docker-archive
# tar (what `docker save` writes and `docker load` reads), which Jib takes as tar:///path.
#
# Usage: tools/build-base-image.sh [OUTPUT.tar]
#   Prints the path of the tar on its last line. Without OUTPUT, the tar is cached as
#   ${PARLEY_IMAGE_CACHE:-/var/cache/parley}/base-image-<hash of this script>.tar and reused while this
#   script is unchanged (delete it to pick up Debian's newer security updates).
#   PARLEY_DEBIAN_MIRROR (default http://deb.debian.org/debian) picks the apt mirror.
# Needs root and debootstrap (apt-get install debootstrap); no Docker daemon, no registry.
set -euo pipefail

script="$(readlink -f "${BASH_SOURCE[0]}")"
hash="$(sha256sum "$script" | cut -c1-16)"
output="${1:-${PARLEY_IMAGE_CACHE:-/var/cache/parley}/base-image-$hash.tar}"
mirror="${PARLEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm

if [ -s "$output" ]; then
  echo "$output"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "build-base-image.sh: needs root (debootstrap, chroot)" >&2
  exit 1
fi
command -v debootstrap >/dev/null || { echo "build-base-image.sh: needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/parley-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
image="$work/image"
mkdir -p "$rootfs" "$image"

echo "Bootstrapping Debian $suite with OpenJDK 17 from $mirror into $rootfs" >&2
# The security suite is not reachable through debootstrap; its updates are applied below.
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  "$suite" "$rootfs" "$mirror" >&2

# Security updates, as a maintained base gets them: bookworm-security and bookworm-updates.
security="${mirror%/debian}/debian-security"
cat > "$rootfs/etc/apt/sources.list" <<LIST
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
LIST
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
# In a mount namespace of its own, so /proc (the JRE's scripts run java) is unmounted however this ends.
unshare --mount --fork env DEBIAN_FRONTEND=noninteractive rootfs="$rootfs" sh -ec '
  mount -t proc proc "$rootfs/proc"
  chroot "$rootfs" apt-get update -qq
  chroot "$rootfs" apt-get -y -qq upgrade
  chroot "$rootfs" apt-get clean' >&2

# What a container image does not carry: package lists and caches, logs, device nodes (the runtime
# mounts /dev), the build machine's resolver and the machine id (the runtime provides both).
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
  "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/dev/* "$rootfs"/proc/* "$rootfs"/sys/* \
  "$rootfs"/debootstrap
# Documentation a server image never shows; the copyright files stay, as Debian's licences ask.
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
: > "$rootfs/etc/resolv.conf"
: > "$rootfs/etc/machine-id"
java_home="$(dirname "$(dirname "$(chroot "$rootfs" readlink -f /usr/bin/java)")")"
java_version="$(chroot "$rootfs" dpkg-query -W -f='${Version}' openjdk-17-jre-headless)"

# One layer, entries without a leading ./, sorted and with fixed times so the same packages give the
# same layer digest.
epoch="$(date -u -d "$(date -u +%Y-%m-%d)" +%s)"
(cd "$rootfs" && tar --numeric-owner --sort=name --mtime="@$epoch" --xattrs --xattrs-include='security.capability' \
  -cf "$work/layer.tar" $(ls -A))
layer_sha="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
mkdir -p "$image/$layer_sha"
mv "$work/layer.tar" "$image/$layer_sha/layer.tar"

created="$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)"
cat > "$work/config.json" <<JSON
{"architecture":"$(dpkg --print-architecture)","os":"linux","created":"$created",
"config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],"Cmd":["bash"]},
"rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},
"history":[{"created":"$created","created_by":"tools/build-base-image.sh: debootstrap --variant=minbase $suite + openjdk-17-jre-headless $java_version, ca-certificates"}]}
JSON
config_sha="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mv "$work/config.json" "$image/$config_sha.json"
cat > "$image/manifest.json" <<JSON
[{"Config":"$config_sha.json","RepoTags":["parley-base:bookworm-jre17"],"Layers":["$layer_sha/layer.tar"]}]
JSON

mkdir -p "$(dirname "$output")"
(cd "$image" && tar --numeric-owner --sort=name -cf "$output.partial" manifest.json "$config_sha.json" "$layer_sha")
mv "$output.partial" "$output"
echo "Base image: $output ($(du -h "$output" | cut -f1), OpenJDK $java_version)" >&2
echo "$output"
