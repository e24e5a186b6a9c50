// Live captions of a meeting transcribed from Jitsi as it happens: what was said so far, then
// each caption as the server hears it, speaker by speaker. An interim caption is replaced by the
// next one of the same utterance and finally by its final text. meeting.js reloads the page when
// the meeting is done. All text goes in with textContent.
'use strict';

(function () {
  const list = document.getElementById('live-captions');
  if (!list) return;
  const empty = document.getElementById('live-empty');
  const meetingId = list.dataset.meetingId;
  const base = '/api/meetings/' + encodeURIComponent(meetingId);
  const byId = new Map();

  function time(ms) {
    return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  /** Adds or updates one caption; a turn is consecutive captions of one speaker. */
  function show(caption) {
    empty.hidden = true;
    let line = byId.get(caption.id);
    if (!line) {
      let turn = list.lastElementChild;
      if (!turn || turn.dataset.speaker !== caption.speakerKey) {
        turn = document.createElement('li');
        turn.className = 'live-turn';
        turn.dataset.speaker = caption.speakerKey;
        const head = document.createElement('div');
        head.className = 'turn-head';
        const who = document.createElement('span');
        who.className = 'speaker-label';
        who.textContent = caption.speaker;
        const when = document.createElement('span');
        when.className = 'time muted small';
        when.textContent = time(caption.at);
        head.append(who, ' ', when);
        turn.append(head, document.createElement('p'));
        list.append(turn);
      }
      line = document.createElement('span');
      line.className = 'live-line';
      turn.lastElementChild.append(line, ' ');
      byId.set(caption.id, line);
    }
    line.textContent = caption.text;
    line.classList.toggle('interim', Boolean(caption.interim));
    line.scrollIntoView({ block: 'nearest' });
  }

  let source = null;
  function listen() {
    source = new EventSource(base + '/events');
    source.addEventListener('caption', (e) => show(JSON.parse(e.data)));
  }

  // Subscribe first, then fetch what was said before, so nothing falls between the two.
  listen();
  fetch(base + '/captions', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : []))
    .then((saved) => saved.forEach((c) => { if (!byId.has(c.id)) show({ ...c, interim: false }); }))
    .catch(() => {});
  window.addEventListener('pagehide', () => source.close());
  window.addEventListener('pageshow', (e) => { if (e.persisted) listen(); });
})();
