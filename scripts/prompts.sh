#!/usr/bin/env bash
# Makes the voice prompts the shipped IVR flows and the queue announcements play, in Persian and English, from the
# texts in config/ivr/prompts.tsv (file, tab, text), with espeak-ng (voice fa or en, by the file's folder) and sox:
#   <out>/<file>.wav     8 kHz 16-bit mono PCM (narrowband calls)
#   <out>/<file>.sln16   16 kHz signed linear (wideband calls); Asterisk plays whichever costs least to translate
# Default out: build/sounds (git-ignored). Link or copy <out>/fa and <out>/en into Asterisk's sounds directory
# (README, "Deployment"). A studio recording may replace any file: the script remembers in <out>/.generated what it
# made (file and checksum) and never overwrites a file whose checksum is not its own. A changed text is spoken again.
# Installs espeak-ng and sox from Debian's packages when missing.
#   scripts/prompts.sh [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
texts=config/ivr/prompts.tsv
out=${1:-build/sounds}
log() { printf '[prompts] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v espeak-ng >/dev/null || ! command -v sox >/dev/null; then
  log "installing espeak-ng and sox"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq espeak-ng sox >/dev/null
fi

mkdir -p "$out"
manifest=$out/.generated
touch "$manifest"
# what the script made last time: file -> checksum and the text it spoke (voice|text)
declare -A made_sum made_text now_sum
while IFS=$'\t' read -r f sum spoken; do
  [ -n "$f" ] && made_sum[$f]=$sum && made_text[$f]=$spoken
done < "$manifest"
# the present checksum of every file the manifest lists, in one pass (a file is ours while they match)
listed=()
for f in "${!made_sum[@]}"; do [ -e "$out/$f" ] && listed+=("$f"); done
if [ ${#listed[@]} -gt 0 ]; then
  while read -r sum f; do now_sum[$f]=$sum; done < <(cd "$out" && sha256sum -- "${listed[@]}")
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
new_manifest=$tmp/manifest
: > "$new_manifest"
made=0; kept=0; same=0
while IFS=$'\t' read -r file text; do
  case "$file" in ''|'#'*) continue ;; esac
  voice=${file%%/*}
  spoken="$voice|$text"
  todo=()
  for ext in wav sln16; do
    target=$file.$ext
    if [ -e "$out/$target" ] && [ "${now_sum[$target]:-}" != "${made_sum[$target]:-none}" ]; then
      kept=$((kept + 1)); continue                           # a recording put there by hand: keep it
    fi
    if [ -e "$out/$target" ] && [ "${made_text[$target]:-}" = "$spoken" ]; then
      same=$((same + 1)); printf '%s\t%s\t%s\n' "$target" "${made_sum[$target]}" "$spoken" >> "$new_manifest"
      continue
    fi
    todo+=("$ext")
  done
  [ ${#todo[@]} -gt 0 ] || continue
  mkdir -p "$out/$(dirname "$file")"
  espeak-ng -v "$voice" -s 145 -w "$tmp/raw.wav" -- "$text"
  for ext in "${todo[@]}"; do
    target=$file.$ext
    if [ "$ext" = wav ]; then
      sox -q "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out/$target" norm -3
    else
      sox -q "$tmp/raw.wav" -r 16000 -c 1 -b 16 -e signed-integer -t raw "$out/$target" norm -3
    fi
    printf '%s\t%s\t%s\n' "$target" "$(sha256sum "$out/$target" | cut -d' ' -f1)" "$spoken" >> "$new_manifest"
    made=$((made + 1))
  done
done < "$texts"
mv "$new_manifest" "$manifest"
log "$out: $made files made, $same unchanged, $kept kept (not made by this script)"
