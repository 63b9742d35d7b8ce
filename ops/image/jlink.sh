#!/bin/sh
# Links the trimmed Java runtime TraceHub's image runs on: only the modules in jre-modules (next to
# this script), without debug attributes, man pages or C headers, compressed.
#
#   ops/image/jlink.sh OUT_DIR
#
# The Dockerfile's "jre" stage runs it on the Alpine JDK; ops/test/image.bats runs it on the JDK of
# the machine and starts the application on the result. POSIX sh because the Alpine JDK image has
# BusyBox sh and no bash: hence "set -eu" without bash's -E and pipefail (no pipeline here can
# fail silently: the input file is checked before it is read).
#
# Environment:
#   JLINK             the jlink to run (default: $JAVA_HOME/bin/jlink, else jlink on PATH)
#   JRE_MODULES_FILE  the module list (default: jre-modules next to this script)
set -eu

die() {
  printf 'jlink.sh: %s\n' "$*" >&2
  exit 1
}

# The module list as jlink wants it: comments and blanks removed, comma-separated.
module_list() {
  [ -r "$1" ] || die "cannot read the module list $1"
  list=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$1" | tr '\n' ',')
  list=${list%,}
  [ -n "$list" ] || die "no modules in $1"
  case "$list" in
    *[!a-z0-9.,]*) die "not a module name in $1: $list" ;;
  esac
  printf '%s\n' "$list"
}

# jlink 21 replaced the numbered compression levels by zip-0..9 and warns on the old ones; 17 only
# knows the numbers. 2 is "zip" on 17, the same deflate as zip-6.
compress_flag() {
  version=$("$1" --version) || die "'$1 --version' failed"
  major=${version%%[!0-9]*}
  [ -n "$major" ] || die "cannot read the jlink version from '$version'"
  if [ "$major" -ge 21 ]; then
    printf '%s\n' '--compress=zip-6'
  else
    printf '%s\n' '--compress=2'
  fi
}

main() {
  [ "$#" -eq 1 ] || die "usage: jlink.sh OUT_DIR"
  out=$1
  [ ! -e "$out" ] || die "$out exists; jlink writes a new directory"
  here=$(cd "$(dirname "$0")" && pwd)
  modules=$(module_list "${JRE_MODULES_FILE:-$here/jre-modules}")
  if [ -n "${JLINK:-}" ]; then
    jlink=$JLINK
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
    jlink=$JAVA_HOME/bin/jlink
  else
    jlink=$(command -v jlink) || die "no jlink: set JAVA_HOME to a JDK or JLINK to its jlink"
  fi
  compress=$(compress_flag "$jlink")
  printf 'jlink.sh: %s with %s\n' "$jlink" "$modules" >&2
  "$jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    "$compress" --output "$out"
}

main "$@"
