#!/usr/bin/env bash
# packaging/check-native-profiles.sh — the per-OS native profiles of model/pom.xml, checked from this Linux machine.
# 1. Each platform's TensorFlow and PyTorch native jars are fetched from Maven Central (dependency:get; about 470 MB
#    for the three foreign platforms on first use): the classifiers exist.
# 2. Maven is run offline as if on each OS and CPU (os.name / os.arch of its JVM set through MAVEN_OPTS: what
#    Maven's OS activation reads; offline because the JDK's networking breaks under a foreign os.name), and the
#    native jars model/ then resolves must be exactly that platform's. Windows cannot be played so (Maven's console
#    library then calls Windows' kernel32 and dies): its profile is selected by name instead (-P), which checks its
#    dependencies but not its <activation>.
# Linux x86-64 goes last: it leaves model/target/runtime-classpath.txt as this machine's build wrote it.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# os.name | os.arch | TensorFlow classifier | PyTorch classifier ("none": no such build exists). The names have no
# spaces (mvn splits MAVEN_OPTS at them); Maven's OS families only look for "mac" / "windows" in them.
PLATFORMS=(
  "MacOSX|aarch64|macosx-arm64|osx-aarch64"
  "MacOSX|x86_64|macosx-x86_64|none"
  "-Pnatives-windows-x86_64,!natives-linux-x86_64|amd64|windows-x86_64|win-x86_64"
  "Linux|amd64|linux-x86_64|linux-x86_64"
)
status=0
for p in "${PLATFORMS[@]}"; do
  IFS='|' read -r os arch tf pt <<<"$p"
  for artifact in "org.tensorflow:tensorflow-core-native:1.0.0-rc.1:jar:$tf" "ai.djl.pytorch:pytorch-native-cpu:2.7.1:jar:$pt"; do
    case "$artifact" in *:none) continue ;; esac
    if ! mvn -B -q dependency:get -Dartifact="$artifact" -Dtransitive=false >/dev/null 2>&1; then
      echo "natives: $artifact: FAILED: not on Maven Central" >&2; status=1
    fi
  done
done
for p in "${PLATFORMS[@]}"; do
  IFS='|' read -r os arch tf pt <<<"$p"
  log="$(mktemp)"
  case "$os" in
    -P*) opts=""; select=("$os") ;;
    *) opts="-Dos.name=$os -Dos.arch=$arch"; select=() ;;
  esac
  if ! MAVEN_OPTS="$opts" mvn -B -o "${select[@]}" -pl model -am -Dmaven.test.skip=true \
         compile dependency:build-classpath >"$log" 2>&1; then
    { grep -E '^\[ERROR\]' "$log" || tail -5 "$log"; } | head -5 >&2
    echo "natives: $os $arch: FAILED to resolve" >&2; status=1; rm -f "$log"; continue
  fi
  rm -f "$log"
  jars="$(tr ':' '\n' < model/target/runtime-classpath.txt | { grep -E 'tensorflow-core-native|pytorch-native-cpu' || true; } \
          | xargs -r -n1 basename | sort | tr '\n' ' ')"
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
