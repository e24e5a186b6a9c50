#!/usr/bin/env bash
# Makes the benchmark recordings, with known reference text, into a folder (default /tmp/verbatim-bench):
#   meeting-long.wav/.txt  ~6 minutes of four flite voices reading real English prose, with pauses
#   meeting-long.m4a, .opus  the same in AAC and Opus, for decoding speed
#   meeting-2h.opus          the long meeting repeated to two hours, for peak memory
#   librivox.wav/.txt        Debian's pocketsphinx-testdata read speech, concatenated
# Needs flite, sox, ffmpeg and pocketsphinx-testdata.
set -euo pipefail
out=${1:-/tmp/verbatim-bench}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Real prose that every Debian machine has: the Apache License's sentences, read in turn by four voices.
text=/usr/share/common-licenses/Apache-2.0
tr '\n' ' ' < "$text" | sed 's/  */ /g' | grep -oE '[A-Z][^.;:]{30,220}[.;:]' \
  | grep -vE 'http|[0-9]\.[0-9]|\(' | head -n 70 > "$work/sentences"

voices=(slt kal awb rms)
pauses=(0.4 0.9 0.6 1.3 0.5)
: > "$out/meeting-long.txt"
parts=()
n=0
while IFS= read -r sentence; do
  voice=${voices[$((n % 4))]}
  flite -voice "$voice" -t "$sentence" -o "$work/raw-$n.wav"
  sox "$work/raw-$n.wav" -r 16000 -c 1 -b 16 "$work/line-$n.wav" norm -3
  sox -n -r 16000 -c 1 -b 16 "$work/pause-$n.wav" trim 0 "${pauses[$((n % 5))]}"
  parts+=("$work/line-$n.wav" "$work/pause-$n.wav")
  echo "$sentence" >> "$out/meeting-long.txt"
  n=$((n + 1))
done < "$work/sentences"
sox "${parts[@]}" "$out/meeting-long.wav"
ffmpeg -nostdin -v error -y -i "$out/meeting-long.wav" -c:a aac -b:a 64k "$out/meeting-long.m4a"
ffmpeg -nostdin -v error -y -i "$out/meeting-long.wav" -c:a libopus -b:a 32k "$out/meeting-long.opus"

# Two hours: the long meeting over and over (20 times ~6 min), straight to Opus.
repeats=$(( (7200 + $(soxi -D "$out/meeting-long.wav" | cut -d. -f1)) / $(soxi -D "$out/meeting-long.wav" | cut -d. -f1) ))
# ffmpeg stops reading at two hours, so sox's broken pipe is expected there.
{ sox -V1 "$out/meeting-long.wav" -t wav - repeat $((repeats - 1)) || true; } | ffmpeg -nostdin -v error -y -i - -t 7200 -c:a libopus -b:a 24k "$out/meeting-2h.opus"

lib=/usr/share/pocketsphinx/test/data/librivox
sox $(sed 's#^#'$lib'/#; s#$#.wav#' "$lib/fileids") "$out/librivox.wav"
sed 's/<s>//; s#</s>.*##' "$lib/transcription" > "$out/librivox.txt"

echo "Wrote to $out:"
for f in meeting-long.wav meeting-long.m4a meeting-long.opus meeting-2h.opus librivox.wav; do
  printf '  %-20s %s\n' "$f" "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$out/$f") s"
done
