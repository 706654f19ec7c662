# Sourced by ./waarborg, ./test and .ci/run: sets JAVA_HOME to a JDK of version 21 or newer.
# Order: $JAVA_HOME, the `java` on PATH, then the newest JDK under /usr/lib/jvm.
_jdk_version() { # prints the major version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
_pick_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] || continue
    v=$(_jdk_version "$c"); [ -n "$v" ] && [ "$v" -ge 21 ] && { echo "$c"; return; }
  done
  local best="" bestv=0
  for c in /usr/lib/jvm/*/; do
    c=${c%/}; v=$(_jdk_version "$c")
    [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ] && { best=$c; bestv=$v; }
  done
  echo "$best"
}
JAVA_HOME=$(_pick_jdk)
if [ -z "$JAVA_HOME" ]; then
  echo "waarborg: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk" >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
