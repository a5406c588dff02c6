#!/usr/bin/env bash
# packaging/check-package.sh [PACKAGE.deb] — the installable package works on a machine with no JDK, no Maven and no
# network access needed: builds the .deb (with fast compression, unless one is given), unpacks it with dpkg -x into a
# temporary folder and runs the packaged launcher there with PATH and JAVA_HOME pointing at no JDK and a fresh home:
# --version, decode on both engines, a headless replayed take recorded to MIDI, a two-step training run on three
# MAESTRO files (from ../shared when present). Then checks that nothing was written inside the unpacked installation
# and that the user data landed in the XDG folders. Exit code 0 only if all of it held.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
T0=$(date +%s)
fail() { printf 'check-package: FAILED: %s\n' "$*" >&2; exit 1; }
ok() { printf 'check-package: ok: %s\n' "$*" >&2; }

if [ $# -ge 1 ]; then
  DEB="$(readlink -f "$1")"
else
  # gzip -1: the check is about the contents; a release keeps dpkg-deb's default xz
  DEB="$(DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 "$ROOT/genie" package | tail -n 1)"
fi
[ -f "$DEB" ] || fail "no package at $DEB"
T_BUILT=$(date +%s)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/piano-genie-check.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
dpkg -x "$DEB" "$WORK/root"
mkdir -p "$WORK/home" "$WORK/nojdk" "$WORK/cwd"
PG="$WORK/root/opt/piano-genie/bin/piano-genie"
[ -x "$PG" ] || fail "no launcher at /opt/piano-genie/bin/piano-genie in the package"
touch "$WORK/unpacked.stamp"

# Depends (packaging/linux/control) names the package of every system library the package's own libraries link
# against directly, so apt brings them and nothing more
DEPENDS=",$(dpkg-deb -f "$DEB" Depends | tr -d ' '),"
missing=()
unknown=()
while read -r lib; do
  [ -n "$(find "$WORK/root" -name "$lib" -print -quit)" ] && continue # shipped in the package
  owner=$(dpkg -S "*/$lib" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  [ -z "$owner" ] && { unknown+=("$lib"); continue; } # not installed on this machine: cannot be checked here
  [[ "$DEPENDS" == *",$owner,"* ]] || missing+=("$lib ($owner)")
done < <(find "$WORK/root" -name '*.so*' -type f -exec readelf -d {} \; 2>/dev/null | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | sort -u)
[ ${#missing[@]} -eq 0 ] || fail "Depends lacks the package of: ${missing[*]}"
ok "Depends covers every library the natives link against ($(tr ',' '\n' <<<"$DEPENDS" | grep -c .) packages, xdg-utils only suggested)${unknown:+; not installed here, so not checked: ${unknown[*]}}"
sleep 1 # file times have one-second resolution on some file systems

# The packaged launcher in a bare environment: no java on PATH (only a folder with nothing in it), JAVA_HOME at
# nothing, a fresh home (Java's user.home comes from the password file, not $HOME: GENIE_JAVA_OPTS moves it), XDG
# variables unset so that their defaults are what is checked; run from an unrelated folder.
run() {
  (cd "$WORK/cwd" && env -i HOME="$WORK/home" PATH="$WORK/nojdk" JAVA_HOME="$WORK/no-such-jdk" LANG=C.UTF-8 \
     GENIE_JAVA_OPTS="-Duser.home=$WORK/home" "$PG" "$@")
}

out="$(run --version)" || fail "--version exited $?"
grep -q '^Piano Genie [0-9]' <<<"$out" && grep -q "^model: .*validation PPL [0-9.]*, .* ($WORK/root/opt/piano-genie/lib/app/assets/model)" <<<"$out" \
  || fail "--version printed: $out"
ok "--version: $(tr '\n' ' ' <<<"$out")"

out="$(run decode --buttons 0,1,2,3 --json 2>"$WORK/decode.err")" || { cat "$WORK/decode.err" >&2; fail "decode exited non-zero"; }
grep -Eq '^\{"keys": \[[0-9]+, [0-9]+, [0-9]+, [0-9]+\], ("velocities": \[[0-9]+, [0-9]+, [0-9]+, [0-9]+\], )?"midi": \[' <<<"$out" \
  || fail "decode printed: $out"
if grep -q 'I tensorflow' "$WORK/decode.err"; then fail "TensorFlow's info lines were printed: $(head -2 "$WORK/decode.err")"; fi
ok "decode (TensorFlow): $out"
pt="$(run decode --buttons 0,1,2,3 --json --engine pytorch)" || fail "decode --engine pytorch exited non-zero"
[ "$pt" = "$out" ] || fail "PyTorch decoded $pt, TensorFlow $out"
ok "decode (PyTorch): the same keys"

run play --headless --controller "replay:$ROOT/docs/demo.session.jsonl@fast" --output none --record take.mid \
  >"$WORK/play.out" 2>&1 || { cat "$WORK/play.out" >&2; fail "play --headless exited non-zero"; }
[ -s "$WORK/cwd/take.mid" ] && [ -s "$WORK/cwd/take.session.jsonl" ] || { cat "$WORK/play.out" >&2; fail "no take.mid / take.session.jsonl"; }
head -c 4 "$WORK/cwd/take.mid" | grep -q MThd || fail "take.mid is not a MIDI file"
ok "play --headless --controller replay:... --output none --record take.mid: $(grep saved "$WORK/play.out")"

out="$(run devices 2>&1)" || { echo "$out" >&2; fail "devices exited non-zero"; }
grep -q "engine: the JDK's Gervill, patched" <<<"$out" || { echo "$out" >&2; fail "the installed app runs Gervill unpatched"; }
ok "devices: $(grep -E 'engine:|← the default' <<<"$out" | sed 's/^ *//' | tr '\n' ' ')"

if [ -d "$ROOT/../shared/data/maestro-v2.0.0/2004" ]; then
  mkdir -p "$WORK/midi"
  find "$ROOT/../shared/data/maestro-v2.0.0/2004" -name '*.midi' | sort | head -n 3 | xargs -I{} cp {} "$WORK/midi/"
  run train --data "$WORK/midi" --out run --steps 2 --batch 2 >"$WORK/train.out" 2>&1 \
    || { tail -20 "$WORK/train.out" >&2; fail "train exited non-zero"; }
  [ -f "$WORK/cwd/run/model.json" ] || { tail -20 "$WORK/train.out" >&2; fail "train wrote no model"; }
  ok "train (PyTorch) on 3 MAESTRO files, 2 steps: model written to ./run"
else
  ok "train skipped: no ../shared/data/maestro-v2.0.0 beside the clone"
fi

# Nothing written inside the installation; user data only in the XDG folders (and the takes where asked).
written="$(find "$WORK/root" -newer "$WORK/unpacked.stamp" | head)"
[ -z "$written" ] || fail "files written inside the installation: $written"
# (.java/fonts: the JDK's own font-configuration cache, written when the training curve is drawn; the JDK offers no
# setting to move it)
stray="$(cd "$WORK/home" && find . -mindepth 1 -maxdepth 2 ! -path ./.cache ! -path ./.config ! -path ./.local \
           ! -path ./.local/share ! -path './.cache/piano-genie' ! -path './.config/piano-genie' \
           ! -path ./.java ! -path ./.java/fonts | head)"
[ -z "$stray" ] || fail "written into the home folder outside genie's XDG folders: $stray"
[ -d "$WORK/home/.cache/piano-genie" ] || fail "no cache in ~/.cache/piano-genie"
ok "nothing written into the installation; in the home folder only: $(cd "$WORK/home" && find . -mindepth 2 -maxdepth 3 -type d | sort | tr '\n' ' ')"

modules="$("$WORK/root/opt/piano-genie/lib/runtime/bin/java" --list-modules | wc -l)"
ok "the bundled runtime holds $modules Java modules; the package is $(du -m "$DEB" | cut -f1) MB"
echo "check-package: PASSED (build $(( T_BUILT - T0 )) s, checks $(( $(date +%s) - T_BUILT )) s)" >&2
