#!/usr/bin/env bash
# packaging/build-package.sh — the installable app, built with the JDK's jpackage into target/package/:
# a trimmed Java runtime (jlink, only the modules jdeps finds), the app's jars, the TensorFlow / PyTorch / JavaFX /
# JInput natives pre-extracted (nothing is unpacked at run time, nothing is written into the install folder), the
# shipped model and its card, the `piano-genie` launcher (every ./genie subcommand), a desktop entry and an icon.
#
# Run it as `./genie package`, which builds the jars first (this script reads ./genie's classpath). Linux x86-64
# makes a .deb (needs fakeroot and dpkg-deb). macOS (.dmg) and Windows (.msi, needs the WiX toolset) use the same
# steps with their natives, selected by the OS profiles of the poms; they have never been run (no such machine
# here), so they are refused rather than guessed: see README "Installable package".
#
# Compression of the .deb: dpkg-deb's own default (xz) unless DPKG_DEB_COMPRESSOR_TYPE / DPKG_DEB_COMPRESSOR_LEVEL
# say otherwise (e.g. DPKG_DEB_COMPRESSOR_TYPE=gzip for a quick local build; xz is what a release should use).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
CP_FILE="$ROOT/target/launcher/classpath.txt"
OUT="$ROOT/target/package"
STAGE="$OUT/stage"
NAME=piano-genie
MAIN_CLASS=dev.pianogenie.dist.Launcher

say() { printf 'package: %s\n' "$*" >&2; }
die() { printf 'package: %s\n' "$*" >&2; exit 1; }
step_start() { STEP_T0=$(date +%s); say "$*"; }
step_end() { say "  ... $(( $(date +%s) - STEP_T0 )) s"; }

[ -s "$CP_FILE" ] || die "no build to package: run ./genie package (it builds first)"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jdeps jlink jpackage; do
  command -v "${JAVA_BIN}$tool" >/dev/null || die "$tool is missing: a full JDK 17+ is needed (Debian: openjdk-17-jdk)"
done

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)
    TYPE=deb; TF_CLASSIFIER=linux-x86_64; DJL_CLASSIFIER=linux-x86_64; JNA_DIR=linux-x86-64
    JINPUT_LIBS="libjinput-linux64.so"; LIB_GLOB='*.so*'
    for tool in fakeroot dpkg-deb; do
      command -v "$tool" >/dev/null || die "$tool is missing; jpackage needs it for a .deb (Debian: apt-get install $tool)"
    done ;;
  *) die "packages are built and tested on Linux x86-64 only; on $(uname -s) $(uname -m) see README \"Installable package\"" ;;
esac

T0=$(date +%s)
rm -rf "$STAGE" "$OUT"/*."$TYPE"
INPUT="$STAGE/input"
mkdir -p "$INPUT/natives/tensorflow" "$INPUT/natives/pytorch" "$INPUT/natives/jinput" "$INPUT/natives/jna" "$STAGE/jdeps"

# 1. The jars, and the natives out of their jars (the native-only jars stay out of the package).
step_start "staging the jars and natives"
unzip_libs() { # jar, path inside, destination: the files of one folder of a jar, flattened
  unzip -q -o -j "$1" "$2*" -x '*/' -d "$3"
}
MAIN_JAR=
IFS=: read -r -a JARS < "$CP_FILE"
for jar in "${JARS[@]}"; do
  base="$(basename "$jar")"
  case "$base" in
    tensorflow-core-native-*-"$TF_CLASSIFIER".jar)
      unzip_libs "$jar" "org/tensorflow/internal/c_api/$TF_CLASSIFIER/" "$INPUT/natives/tensorflow"
      rm -rf "$INPUT/natives/tensorflow/THIRD_PARTY_TF_JNI_LICENSES" ;;
    pytorch-native-cpu-*-"$DJL_CLASSIFIER".jar)
      unzip_libs "$jar" "pytorch/cpu/$DJL_CLASSIFIER/" "$INPUT/natives/pytorch" ;;
    pytorch-jni-*.jar) # DJL's JNI glue for every platform: only ours, found beside libtorch (PYTORCH_LIBRARY_PATH)
      unzip_libs "$jar" "jnilib/$DJL_CLASSIFIER/cpu/" "$INPUT/natives/pytorch" ;;
    jinput-*-natives-all.jar)
      for lib in $JINPUT_LIBS; do unzip -q -o -j "$jar" "$lib" -d "$INPUT/natives/jinput"; done ;;
    javafx-*-linux.jar|javafx-*-mac*.jar|javafx-*-win.jar)
      # JavaFX loads its natives from beside its jars before it would extract them to a cache
      cp "$jar" "$INPUT/"
      unzip -q -o -j "$jar" "$LIB_GLOB" -x '*/' -d "$INPUT" 2>/dev/null || true ;;
    jna-[0-9]*.jar) # the launcher's setenv (TensorFlowLog): JNA's own native, loaded from here, never unpacked
      cp "$jar" "$INPUT/"
      unzip_libs "$jar" "com/sun/jna/$JNA_DIR/" "$INPUT/natives/jna" ;;
    *.jar)
      cp "$jar" "$INPUT/"
      case "$base" in dist-*.jar) MAIN_JAR="$base" ;; esac ;;
  esac
done
[ -n "$MAIN_JAR" ] || die "the dist jar is not in $CP_FILE: run ./genie package again after a clean build"
for d in tensorflow pytorch jinput jna; do
  [ -n "$(ls -A "$INPUT/natives/$d")" ] || die "no $d natives for $TF_CLASSIFIER on the classpath (is the right OS profile active?)"
done
# Gervill without its garbage per audio period (gervill-patch/pom.xml): loaded into the runtime's java.desktop with
# --patch-module (JAVA_OPTIONS below), so it stays out of the top folder, whose jars make the classpath
PATCH_JAR="$(ls "$ROOT"/gervill-patch/target/gervill-patch-*.jar 2>/dev/null | head -n 1)"
[ -n "$PATCH_JAR" ] || die "gervill-patch's jar is missing: run ./genie package again after a clean build"
mkdir -p "$INPUT/patch"
cp "$PATCH_JAR" "$INPUT/patch/gervill-patch.jar"
mkdir -p "$INPUT/assets"
cp -r "$ROOT/assets/model" "$INPUT/assets/model" # with its card (MODEL_CARD.md) and licence
cp "$ROOT/NOTICE.md" "$INPUT/"                   # the third-party notices (the GPL text goes to /usr/share/doc)
# The built-in piano's samples (Salamander Grand Piano V3 by Alexander Holm, CC BY 3.0; ./genie fetched them with
# npm): the app builds its soundbank from them into the user's cache folder on the first start.
SAMPLES="$ROOT/target/sounds/node_modules/@audio-samples"
[ -f "$ROOT/target/sounds/.installed" ] && [ -d "$SAMPLES" ] \
  || die "the piano samples are missing: install npm (Debian: apt-get install npm) and run ./genie package again"
for layer in "$SAMPLES"/piano-velocity*; do
  mkdir -p "$INPUT/sounds/@audio-samples/$(basename "$layer")"
  cp -r "$layer/audio" "$layer/package.json" "$INPUT/sounds/@audio-samples/$(basename "$layer")/"
  [ -f "$layer/LICENSE" ] && cp "$layer/LICENSE" "$INPUT/sounds/@audio-samples/$(basename "$layer")/"
done
printf '%s\n' "Salamander Grand Piano V3 by Alexander Holm, CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/);" \
  "the npm packages @audio-samples/piano-velocityN by Jan Forst. See NOTICE.md." > "$INPUT/sounds/ATTRIBUTION.txt"
step_end

# 2. The Java modules the jars use (module-info stripped so that jdeps treats every jar alike, as the classpath
#    does), and a runtime with only those.
step_start "finding the Java modules (jdeps)"
for jar in "$INPUT"/*.jar; do
  cp "$jar" "$STAGE/jdeps/"
  zip -q -d "$STAGE/jdeps/$(basename "$jar")" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
MODULES=$("${JAVA_BIN}jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps -q \
            --class-path "$STAGE/jdeps/*" "$STAGE"/jdeps/*.jar)
say "  modules: $MODULES"
step_end

step_start "linking the runtime (jlink)"
"${JAVA_BIN}jlink" --add-modules "$MODULES" --output "$STAGE/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=2
step_end

# 3. The package.
VERSION_FULL="${MAIN_JAR#dist-}"; VERSION_FULL="${VERSION_FULL%.jar}"
VERSION="${VERSION_FULL%%-*}" # 0.1.0-SNAPSHOT -> 0.1.0: installers take numbers only
MAINTAINER=()
email="$(git -C "$ROOT" config user.email 2>/dev/null || true)"
[ -n "$email" ] && MAINTAINER=(--linux-deb-maintainer "$email")
JAVA_OPTIONS=(
  "--add-opens=java.desktop/com.sun.media.sound=ALL-UNNAMED" # opens: GervillSounds sets Gervill's default set
  '--patch-module=java.desktop=$APPDIR/patch/gervill-patch.jar'
  "-XX:G1HeapRegionSize=2m" # the piano's samples (up to 0.7 MB each) are not "humongous" objects in a small heap
  "-Dai.djl.offline=true"
  '-Dgenie.home=$APPDIR'
  '-DTENSORFLOW_LIBRARY_PATH=$APPDIR/natives/tensorflow'
  '-DPYTORCH_LIBRARY_PATH=$APPDIR/natives/pytorch'
  '-Dnet.java.games.input.librarypath=$APPDIR/natives/jinput'
  '-Djna.boot.library.path=$APPDIR/natives/jna' "-Djna.nounpack=true"
  "-Dgenie.command=$NAME"
)
OPTIONS=()
for o in "${JAVA_OPTIONS[@]}"; do OPTIONS+=(--java-options "$o"); done
# Depends (packaging/linux/control, written there: jpackage always adds its own list to a --linux-package-deps one):
# what the package's own libraries link against directly (readelf -d NEEDED of every .so in it, each library found
# with dpkg -S on Debian 12), as dpkg-shlibdeps would list them — not jpackage's default, which is every library of
# the ldd closure plus xdg-utils, whose recommends pulled in 47 more packages (a Perl stack, a terminal emulator).
# The menu entry does without xdg-utils (postinst), so it is only suggested.

step_start "making the $TYPE (jpackage; dpkg-deb compresses about 1.2 GB: minutes with xz)"
"${JAVA_BIN}jpackage" --type "$TYPE" --dest "$OUT" --temp "$STAGE/jpackage" \
  --name "$NAME" --app-version "$VERSION" --vendor "Piano Genie" \
  --description "Improvise on 8 buttons; a neural decoder plays the 88-key piano (after Magenta's Piano Genie)" \
  --copyright "GPL-3.0-or-later; the shipped model CC BY-NC-SA 4.0" --license-file "$ROOT/LICENSE" \
  --input "$INPUT" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" --runtime-image "$STAGE/runtime" \
  "${OPTIONS[@]}" \
  --install-dir /opt --resource-dir "$ROOT/packaging/linux" --icon "$ROOT/packaging/linux/$NAME.png" \
  --linux-shortcut --linux-app-category sound "${MAINTAINER[@]}"
step_end

PKG="$(ls "$OUT"/*."$TYPE")"
rm -rf "$STAGE"
say "$(basename "$PKG"): $(du -m "$PKG" | cut -f1) MB, installed $(( $(dpkg-deb -f "$PKG" Installed-Size) / 1024 )) MB; built in $(( $(date +%s) - T0 )) s"
echo "$PKG"
