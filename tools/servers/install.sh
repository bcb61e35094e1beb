#!/usr/bin/env bash
# Installs the servers of the test matrix beside the project, from Debian's own packages, without touching the
# system's packages or apt sources: Valkey 8.0 from bookworm-backports, Redis 8.0 from Debian 13 (trixie) with
# Debian 13's C and C++ runtime unpacked beside it and started through that runtime's own loader.
#
#   tools/servers/install.sh DEST      -> DEST/redis-8.0/bin/redis-server, DEST/valkey-8.0/bin/redis-server
#
# apt runs with a private source list, state and cache under DEST/apt (Dir::Etc::SourceList and friends), so
# /etc/apt and /var/lib/apt stay as they were. Anything missing or of another major.minor fails the script.
set -euo pipefail
dest=$(mkdir -p "${1:?usage: install.sh DEST}" && cd "$1" && pwd)
arch=$(dpkg --print-architecture)
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "$(uname -m)-linux-gnu")
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || { echo "install.sh: $keyring missing (apt-get install debian-archive-keyring)" >&2; exit 1; }

apt_dir="$dest/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
cat > "$apt_dir/sources.list" <<LIST
deb [signed-by=$keyring] http://deb.debian.org/debian bookworm-backports main
deb [signed-by=$keyring] http://deb.debian.org/debian trixie main
LIST
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -qq)
# As root, apt downloads as its _apt user, who cannot write into DEST: download as root instead of warning about it.
[ "$(id -u)" != 0 ] || apt_opts+=(-o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" update

download() { # DIR PACKAGE/SUITE...
  local dir=$1; shift
  rm -rf "$dir" && mkdir -p "$dir/debs" "$dir/root"
  (cd "$dir/debs" && apt-get "${apt_opts[@]}" download "$@")
  for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
}

# Valkey 8.0 is built for bookworm: its libraries are the system's (redis-server 7.0 pulls in jemalloc and lzf).
download "$dest/valkey-8.0" valkey-tools/bookworm-backports
# Redis 8.0 needs Debian 13's glibc and libstdc++: its runtime comes along and is used only by this binary.
download "$dest/redis-8.0" redis-tools/trixie libc6/trixie libstdc++6/trixie libgcc-s1/trixie libssl3t64/trixie \
  libsystemd0/trixie libjemalloc2/trixie liblzf1/trixie libatomic1/trixie libcap2/trixie libzstd1/trixie \
  zlib1g/trixie openssl-provider-legacy/trixie

# redis-server and valkey-server are the check-rdb binary started under the server's name (Debian ships a symlink).
mkdir -p "$dest/valkey-8.0/bin" "$dest/redis-8.0/bin"
cat > "$dest/valkey-8.0/bin/redis-server" <<WRAP
#!/bin/bash
exec -a valkey-server "$dest/valkey-8.0/root/usr/bin/valkey-check-rdb" "\$@"
WRAP
loader=$(ls "$dest/redis-8.0/root/usr/lib/$triplet"/ld-linux-*.so.* | head -n 1)
cat > "$dest/redis-8.0/bin/redis-server" <<WRAP
#!/bin/sh
exec "$loader" --library-path "$dest/redis-8.0/root/usr/lib/$triplet" \
  --argv0 redis-server "$dest/redis-8.0/root/usr/bin/redis-check-rdb" "\$@"
WRAP
chmod +x "$dest"/*/bin/redis-server

check() { # NAME EXPECTED-PREFIX
  local out; out=$("$dest/$1/bin/redis-server" --version) || { echo "install.sh: $1 does not start" >&2; exit 1; }
  case "$out" in "$2"*) echo "$1: $out";; *) echo "install.sh: $1 reports '$out', expected $2*" >&2; exit 1;; esac
}
check valkey-8.0 "Valkey server v=8.0."
check redis-8.0 "Redis server v=8.0."
[ "$arch" = amd64 ] || echo "install.sh: note: only checked on amd64 (this is $arch)" >&2
