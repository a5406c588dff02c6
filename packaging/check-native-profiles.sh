#!/usr/bin/env bash
# packaging/check-native-profiles.sh — the per-OS native profiles of model/pom.xml, checked from this Linux machine:
# Maven is run as if on each OS and CPU (os.name / os.arch of its JVM set through MAVEN_OPTS: what Maven's OS
# activation reads), and the TensorFlow and PyTorch native jars model/ then resolves must be that platform's.
# Resolving downloads them from Maven Central on first use (about 470 MB for the three foreign platforms).
# Linux x86-64 goes last: it leaves model/target/runtime-classpath.txt as this machine's build wrote it.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# os.name | os.arch | TensorFlow classifier | PyTorch classifier ("none": no such build exists). The names have no
# spaces (mvn splits MAVEN_OPTS at them); Maven's OS families only look for "mac" / "windows" in them.
PLATFORMS=(
  "MacOSX|aarch64|macosx-arm64|osx-aarch64"
  "MacOSX|x86_64|macosx-x86_64|none"
  "Windows11|amd64|windows-x86_64|win-x86_64"
  "Linux|amd64|linux-x86_64|linux-x86_64"
)
status=0
for p in "${PLATFORMS[@]}"; do
  IFS='|' read -r os arch tf pt <<<"$p"
  log="$(mktemp)"
  if ! MAVEN_OPTS="-Dos.name=$os -Dos.arch=$arch" mvn -B -pl model -am -Dmaven.test.skip=true \
         compile dependency:build-classpath >"$log" 2>&1; then
    grep -E '^\[ERROR\]' "$log" | head -5 >&2
    echo "natives: $os $arch: FAILED to resolve" >&2; status=1; rm -f "$log"; continue
  fi
  rm -f "$log"
  jars="$(tr ':' '\n' < model/target/runtime-classpath.txt | grep -E 'tensorflow-core-native|pytorch-native-cpu' | xargs -r -n1 basename | sort | tr '\n' ' ')"
  want="tensorflow-core-native-1.0.0-rc.1-$tf.jar"
  [ "$pt" = none ] || want="pytorch-native-cpu-2.7.1-$pt.jar $want"
  want="$(tr ' ' '\n' <<<"$want" | sort | tr '\n' ' ')"
  if [ "$jars" = "$want" ]; then
    echo "natives: $os $arch: ok: $jars" >&2
  else
    echo "natives: $os $arch: FAILED: resolved '$jars', expected '$want'" >&2; status=1
  fi
done
exit $status
