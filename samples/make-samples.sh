#!/usr/bin/env bash
# Regenerates the synthetic sample meeting in samples/ from the script below.
# Every voice is flite's speech synthesis; no real person is recorded. Needs flite, sox, ffmpeg.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# speaker|voice|pause after (s)|text
script=$(cat <<'SCRIPT'
ana|slt|0.7|Good morning everyone. Let us start with the budget review for the third quarter.
bob|awb|0.5|The budget review is almost done. Marketing spent less than planned.
bob|awb|0.8|I will send the final numbers to the finance team on Friday.
ana|slt|0.6|Thank you Bob. We decided to move the product launch to the first week of March.
carl|rms|0.5|That works for engineering. The new release goes out next week.
ana|slt|0.6|Dana, can you update the customer documentation before the launch?
dana|kal|0.8|Sure, I will update the documentation and the help center by next Tuesday.
carl|rms|0.7|Has anyone seen the new support numbers?
dana|kal|0.6|Yes, the number of tickets went down by ten percent this month.
ana|slt|0.4|Great work. Let us meet again in two weeks. Thank you all.
SCRIPT
)

i=0
parts=()
declare -A tracks
speakers=()
while IFS='|' read -r speaker voice pause text; do
  i=$((i + 1))
  flite -voice "$voice" -t "$text" -o "$work/raw-$i.wav"
  sox "$work/raw-$i.wav" -r 16000 -c 1 -b 16 "$work/line-$i.wav" norm -3
  sox -n -r 16000 -c 1 -b 16 "$work/pause-$i.wav" trim 0 "$pause"
  length=$(soxi -D "$work/line-$i.wav")
  sox -n -r 16000 -c 1 -b 16 "$work/mute-$i.wav" trim 0 "$length"
  parts+=("$work/line-$i.wav" "$work/pause-$i.wav")
  if [[ -z "${tracks[$speaker]+x}" ]]; then speakers+=("$speaker"); tracks[$speaker]=""; fi
  echo "$speaker $i" >> "$work/owners"
  echo "$text" >> "$work/reference.txt"
done <<< "$script"

# One file per participant, silent while others speak: how Zoom and Jitsi deliver tracks.
mkdir -p tracks
for s in "${speakers[@]}"; do
  pieces=()
  for n in $(seq 1 "$i"); do
    owner=$(sed -n "${n}p" "$work/owners" | cut -d' ' -f1)
    if [[ "$owner" == "$s" ]]; then pieces+=("$work/line-$n.wav"); else pieces+=("$work/mute-$n.wav"); fi
    pieces+=("$work/pause-$n.wav")
  done
  sox "${pieces[@]}" "$work/track-$s.wav"
  ffmpeg -nostdin -v error -y -i "$work/track-$s.wav" -c:a libopus -b:a 24k "tracks/$s.ogg"
done

# The whole meeting as a small video file: a still slide and the mixed audio (AAC).
sox "${parts[@]}" "$work/meeting.wav"
ffmpeg -nostdin -v error -y -f lavfi -i "color=c=0x1f3a5f:size=320x180:rate=2" \
  -i "$work/meeting.wav" -shortest -c:v libx264 -preset veryslow -crf 40 -pix_fmt yuv420p \
  -c:a aac -b:a 48k -movflags +faststart meeting.mp4
cp "$work/reference.txt" meeting.txt
echo "samples: $(soxi -d "$work/meeting.wav") of audio; $(du -ch meeting.mp4 tracks/*.ogg | tail -1)"
