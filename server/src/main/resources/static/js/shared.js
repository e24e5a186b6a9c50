// A share link's page: the player and the transcript in step, and nothing else, since the page
// offers no edits. A link with ?t=SECONDS starts playing there.
'use strict';

(function () {
  const player = document.getElementById('player');
  const transcript = document.getElementById('transcript');
  if (!transcript) return;
  const { seek, indexWords } = window.Verbatim.transcriptPlayer(player, transcript);
  indexWords();
  const at = Number(new URLSearchParams(window.location.search).get('t'));
  if (player && at > 0) {
    const start = () => seek(at * 1000, true);
    if (player.readyState >= 1) start();
    else player.addEventListener('loadedmetadata', start, { once: true });
  }
})();
