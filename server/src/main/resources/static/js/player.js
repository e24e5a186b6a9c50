// The player and the transcript kept in step, for the meeting page and a share link's page: the
// word being said is highlighted and kept in view, and words, timestamps and chapters seek.
'use strict';

(function () {
  const { toast } = window.Verbatim;

  /**
   * Keeps the transcript in step with the player (either may be missing). Returns seek(ms, play),
   * indexWords() for after the transcript changed, and highlight().
   */
  function transcriptPlayer(player, transcript) {
    let spans = [];
    let starts = [];
    let ends = [];
    let current = null;
    let following = true;
    const followButton = document.getElementById('follow');

    /** Words sorted by start time, for a binary search on every frame of playback. */
    function indexWords() {
      const all = Array.from(transcript.querySelectorAll('.w'));
      const start = all.map((s) => Number(s.dataset.start));
      const order = all.map((_, i) => i);
      // Usually already in time order; tracks of a multitrack meeting may interleave.
      if (start.some((v, i) => i > 0 && v < start[i - 1])) order.sort((a, b) => start[a] - start[b]);
      spans = order.map((i) => all[i]);
      starts = order.map((i) => start[i]);
      ends = spans.map((s) => Number(s.dataset.end));
      if (current) current.classList.remove('current');
      current = null;
    }

    function wordAt(ms) {
      let lo = 0, hi = starts.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= ms) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      // In a long pause nothing is being said: no word is current.
      return found >= 0 && ms <= ends[found] + 1500 ? spans[found] : null;
    }

    function highlight() {
      if (!player) return;
      const word = wordAt(player.currentTime * 1000);
      if (word === current) return;
      if (current) current.classList.remove('current');
      current = word;
      if (!word) return;
      word.classList.add('current');
      if (following) keepVisible(word);
      else if (!player.paused) followButton.hidden = false;
    }

    /** Scrolls only when the word leaves the comfortable middle of what the player leaves visible. */
    function keepVisible(word) {
      const rect = word.getBoundingClientRect();
      const bar = document.querySelector('.player-bar');
      const top = (bar ? bar.getBoundingClientRect().bottom : 0) + 24;
      const bottom = window.innerHeight - 64;
      if (rect.top < top || rect.bottom > bottom) {
        const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        window.scrollBy({ top: rect.top - (top + (bottom - top) / 3), behavior: smooth ? 'smooth' : 'auto' });
      }
    }

    // The user scrolling (wheel, touch, keys) means they want to read elsewhere: stop following
    // until they ask to come back or click a word.
    function userScrolled() {
      if (player && !player.paused && following) {
        following = false;
        followButton.hidden = false;
      }
    }
    window.addEventListener('wheel', userScrolled, { passive: true });
    window.addEventListener('touchmove', userScrolled, { passive: true });
    window.addEventListener('keydown', (e) => {
      const keys = ['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' '];
      const typing = e.target.closest && e.target.closest('input, textarea, select, button, audio, video');
      if (keys.includes(e.key) && !typing) userScrolled();
    });
    followButton.addEventListener('click', () => {
      following = true;
      followButton.hidden = true;
      if (current) keepVisible(current);
    });

    let frame = 0;
    function tick() {
      highlight();
      frame = player && !player.paused ? requestAnimationFrame(tick) : 0;
    }
    if (player) {
      player.addEventListener('play', () => { if (!frame) frame = requestAnimationFrame(tick); });
      ['timeupdate', 'seeked'].forEach((t) => player.addEventListener(t, highlight));
      player.addEventListener('error', () =>
        toast('The recording cannot be played in this browser; the transcript still works.', true));
    }

    function seek(ms, play) {
      if (!player) return;
      player.currentTime = ms / 1000;
      following = true;
      followButton.hidden = true;
      highlight();
      if (play) player.play().catch(() => { /* the browser may need another click first */ });
    }

    // One listener for the whole page: words, timestamps and chapters all seek.
    document.addEventListener('click', (e) => {
      const target = e.target;
      if (!(target instanceof Element)) return;
      const word = target.closest('.w');
      if (word && transcript.contains(word) && !word.closest('.editing')) {
        seek(Number(word.dataset.start), true);
        return;
      }
      const seeker = target.closest('.seek');
      if (seeker) seek(Number(seeker.dataset.start), true);
    });

    return { seek, indexWords, highlight };
  }

  window.Verbatim.transcriptPlayer = transcriptPlayer;
})();
