#!/usr/bin/env bash
# Builds a local stand-in for the official `node:20-bookworm-slim` image, for machines that cannot
# reach an image registry: a minimal Debian bookworm made by mmdebstrap from Debian's own packages,
# plus this machine's own Node 20 installation (/usr/bin/node from its `nodejs` package, npm and
# corepack, and the headers node-gyp compiles better-sqlite3 against), plus the `node` user
# (uid 1000) the official image has. This machine's extra CA certificates
# (/usr/local/share/ca-certificates) are trusted too, by the system and by Node
# (NODE_EXTRA_CA_CERTS): where a TLS-inspecting proxy stands between the machine and the registries,
# builds on this base reach them as the machine does.
#
#   container/local-base.sh [IMAGE]      default IMAGE: localhost/node20-debian:bookworm
#
# Needs root, mmdebstrap and podman (apt-get install mmdebstrap podman), and Node 20 in /usr
# (/usr/bin/node, /usr/lib/node_modules/npm, /usr/include/node), as Debian-style packages install it. Does nothing when IMAGE exists already (REBUILD=1 to rebuild).
# Then: podman build --build-arg NODE_IMAGE=IMAGE -t bk-sops-server .
set -euo pipefail

image="${1:-localhost/node20-debian:bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

if [[ "${REBUILD:-0}" != 1 ]] && podman image exists "$image"; then
  echo "local-base: $image exists (REBUILD=1 to rebuild it)"
  exit 0
fi
for tool in mmdebstrap podman; do
  command -v "$tool" >/dev/null || { echo "local-base: $tool is missing (apt-get install mmdebstrap podman)" >&2; exit 1; }
done
node_version="$(/usr/bin/node --version 2>/dev/null || true)"
if [[ "$node_version" != v20.* ]]; then
  echo "local-base: needs Node 20 as /usr/bin/node (found: ${node_version:-none})" >&2
  exit 1
fi
node_files=(usr/bin/node usr/bin/npm usr/bin/npx usr/include/node usr/lib/node_modules/npm)
for optional in usr/bin/corepack usr/lib/node_modules/corepack usr/share/doc/nodejs; do
  [[ -e "/$optional" ]] && node_files+=("$optional")
done
for path in "${node_files[@]}"; do
  [[ -e "/$path" ]] || { echo "local-base: /$path is missing" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C / -cf "$work/node.tar" "${node_files[@]}"
extra_ca=()
node_ca=()
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  extra_ca=(--customize-hook='cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"'
    --customize-hook='chroot "$1" update-ca-certificates')
  node_ca=(--change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt')
fi

echo "local-base: bootstrapping Debian bookworm (minbase) from $mirror"
mmdebstrap --variant=minbase --mode=root --format=tar \
  --include=ca-certificates \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --customize-hook="tar -C \"\$1\" -xf '$work/node.tar'" \
  "${extra_ca[@]}" \
  --customize-hook='chroot "$1" groupadd --gid 1000 node' \
  --customize-hook='chroot "$1" useradd --uid 1000 --gid node --shell /bin/bash --create-home node' \
  --customize-hook='chroot "$1" node --version' \
  --customize-hook='chroot "$1" npm --version' \
  bookworm "$work/rootfs.tar" \
  "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main"

podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  "${node_ca[@]}" \
  --message "Debian bookworm minbase (mmdebstrap) + this machine's Node $node_version" \
  "$work/rootfs.tar" "$image"
echo "local-base: built $image (Debian bookworm minbase + Node $node_version)"
