// The meeting page: live progress while processing, the player and the transcript kept in step,
// and inline editing of the title, speakers, passages, decisions and action items.
// Every text from the server or the user goes into the page with textContent or value.
'use strict';

(function () {
  const { api, toast, stageName } = window.Verbatim;
  const page = document.querySelector('.meeting-page');
  const meetingId = page.dataset.meetingId;
  const renderedStatus = page.dataset.status;
  const base = '/api/meetings/' + encodeURIComponent(meetingId);
  const player = document.getElementById('player');
  const transcript = document.getElementById('transcript');

  // ---- Progress while queued or processing ----

  let source = null;
  function listen() {
    source = new EventSource(base + '/events');
    source.addEventListener('progress', (e) => showProgress(JSON.parse(e.data)));
    source.addEventListener('done', () => {
      if (renderedStatus !== 'done') {
        source.close();
        // The transcript, minutes and speakers are rendered by the server: one reload shows them.
        window.location.reload();
      }
    });
    source.addEventListener('failed', (e) => {
      if (renderedStatus !== 'failed') showFailure(JSON.parse(e.data).error);
    });
  }

  function showProgress(event) {
    const percent = Math.round(100 * Math.max(0, Math.min(1, event.progress)));
    const bar = document.getElementById('progress');
    if (!bar) return;
    document.getElementById('progress-running').hidden = false;
    document.getElementById('progress-failed').hidden = true;
    bar.querySelector('.progress-bar').style.width = percent + '%';
    bar.setAttribute('aria-valuenow', String(percent));
    document.getElementById('progress-stage').textContent = stageName(event.stage);
    document.getElementById('progress-percent').textContent = percent + '%';
    setBadge(event.stage === 'queued' ? 'queued' : 'processing');
  }

  function showFailure(error) {
    const panel = document.getElementById('progress-panel');
    if (!panel) return;
    document.getElementById('progress-running').hidden = true;
    document.getElementById('progress-failed').hidden = false;
    document.getElementById('failure-reason').textContent = error || 'No reason was recorded.';
    setBadge('failed');
  }

  function setBadge(status) {
    const badge = document.getElementById('status-badge');
    badge.textContent = status;
    badge.className = 'badge badge-' + status;
  }

  const stageLabel = document.getElementById('progress-stage');
  if (stageLabel) stageLabel.textContent = stageName(stageLabel.textContent.trim());
  listen();
  // A page kept in the back-forward cache must not hold its stream open: browsers allow only a
  // few connections per server, and a held one stalls every other request.
  window.addEventListener('pagehide', () => source.close());
  window.addEventListener('pageshow', (e) => { if (e.persisted) listen(); });

  // ---- Player and transcript ----

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

  // ---- Correcting a passage ----

  transcript.addEventListener('click', (e) => {
    const button = e.target instanceof Element && e.target.closest('.edit-segment');
    if (button) editSegment(button.closest('.segment'));
  });

  function editSegment(segment) {
    if (segment.classList.contains('editing')) return;
    const words = segment.querySelector('.words');
    const text = Array.from(words.querySelectorAll('.w')).map((w) => w.textContent).join(' ') || words.textContent.trim();
    segment.classList.add('editing');
    const form = document.createElement('form');
    form.className = 'segment-form';
    const label = document.createElement('label');
    label.className = 'visually-hidden';
    label.textContent = 'Corrected text';
    const area = document.createElement('textarea');
    area.value = text;
    area.rows = Math.max(2, Math.ceil(text.length / 70));
    area.id = 'edit-' + segment.dataset.segment;
    label.htmlFor = area.id;
    const save = button('Save', 'button primary small', 'submit');
    const cancel = button('Cancel', 'button small', 'button');
    const buttons = document.createElement('div');
    buttons.className = 'form-buttons';
    buttons.append(save, cancel);
    form.append(label, area, buttons);
    words.hidden = true;
    segment.appendChild(form);
    area.focus();
    const close = () => {
      form.remove();
      words.hidden = false;
      segment.classList.remove('editing');
      segment.querySelector('.edit-segment').focus();
    };
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      save.disabled = true;
      try {
        const corrected = await api('PUT', base + '/segments/' + encodeURIComponent(segment.dataset.segment), { text: area.value });
        renderWords(words, corrected);
        indexWords();
        close();
        toast('Passage corrected.');
      } catch (err) {
        toast(err.message, true);
        save.disabled = false;
      }
    });
  }

  function renderWords(container, segment) {
    const fragment = document.createDocumentFragment();
    for (const w of segment.words) {
      const span = document.createElement('span');
      span.className = w.confidence < 0.5 ? 'w low' : 'w';
      span.dataset.start = String(w.startMs);
      span.dataset.end = String(w.endMs);
      span.textContent = w.text;
      fragment.append(span, ' ');
    }
    if (segment.words.length === 0) fragment.append(segment.text);
    container.replaceChildren(fragment);
  }

  function button(text, className, type) {
    const b = document.createElement('button');
    b.type = type;
    b.className = className;
    b.textContent = text;
    return b;
  }

  // ---- Title and date ----

  const titleForm = document.getElementById('title-form');
  const titleInput = document.getElementById('title-input');
  const dateInput = document.getElementById('date-input');
  document.getElementById('edit-title').addEventListener('click', () => {
    titleForm.hidden = !titleForm.hidden;
    if (!titleForm.hidden) titleInput.focus();
  });
  document.getElementById('title-cancel').addEventListener('click', () => { titleForm.hidden = true; });
  titleForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const header = await api('PATCH', base, { title: titleInput.value, date: dateInput.value });
      document.getElementById('meeting-title').textContent = header.title;
      document.title = header.title + ' · Verbatim';
      const date = document.getElementById('meeting-date');
      date.dateTime = header.date;
      date.textContent = new Date(header.date + 'T00:00:00').toLocaleDateString(undefined,
        { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      titleForm.hidden = true;
      toast('Saved.');
    } catch (err) {
      toast(err.message, true);
    }
  });

  // ---- Reprocess, cancel, delete ----

  const reprocess = document.getElementById('reprocess');
  if (reprocess) {
    reprocess.addEventListener('click', async () => {
      if (!window.confirm('Process this meeting again from its recording? Your corrections and edits will be replaced.')) return;
      try {
        await api('POST', base + '/reprocess');
        window.location.reload();
      } catch (err) { toast(err.message, true); }
    });
  }
  const cancelJob = document.getElementById('cancel-job');
  if (cancelJob) {
    cancelJob.addEventListener('click', async () => {
      if (!window.confirm('Stop processing this meeting?')) return;
      try {
        await api('POST', base + '/cancel');
        window.location.reload();
      } catch (err) { toast(err.message, true); }
    });
  }
  document.getElementById('delete-meeting').addEventListener('click', async () => {
    if (!window.confirm('Delete this meeting, its recording and its minutes? This cannot be undone.')) return;
    try {
      await api('DELETE', base);
      window.location.assign('/');
    } catch (err) { toast(err.message, true); }
  });

  // ---- Speakers ----

  const speakers = document.getElementById('speakers');
  speakers.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const item = target.closest('.speaker');
    if (target.closest('.rename')) {
      const form = item.querySelector('.rename-form');
      form.hidden = false;
      form.querySelector('input').focus();
    } else if (target.closest('.cancel')) {
      item.querySelector('.rename-form').hidden = true;
    }
  });
  speakers.addEventListener('submit', async (e) => {
    e.preventDefault();
    const item = e.target.closest('.speaker');
    const id = item.dataset.speaker;
    const input = e.target.querySelector('input');
    const name = input.value.trim();
    const oldLabel = item.querySelector('.speaker-name').textContent;
    try {
      await api('PUT', base + '/speakers/' + encodeURIComponent(id), { name });
      const label = name || id;
      const nameEl = item.querySelector('.speaker-name');
      nameEl.textContent = label;
      nameEl.classList.toggle('unnamed', !name);
      item.querySelector('.rename').setAttribute('aria-label', 'Rename ' + label);
      transcript.querySelectorAll('.speaker-label').forEach((el) => {
        if (el.dataset.speaker === id) el.textContent = label;
      });
      // The server hands the speaker's action items to the new name; show the same here.
      document.querySelectorAll('#action-items [data-field="owner"]').forEach((owner) => {
        if (owner.value === id || owner.value === oldLabel) owner.value = label;
      });
      updateNameList();
      e.target.hidden = true;
      toast('Speaker renamed.');
    } catch (err) {
      toast(err.message, true);
    }
  });

  function updateNameList() {
    const list = document.getElementById('speaker-names');
    list.replaceChildren(...Array.from(speakers.querySelectorAll('.speaker-name')).map((el) => {
      const option = document.createElement('option');
      option.value = el.textContent;
      return option;
    }));
  }

  // ---- Decisions and action items ----

  function reviewList(listId, emptyId, path, templateId, addFormId, inputId) {
    const list = document.getElementById(listId);
    if (!list) return;
    const empty = document.getElementById(emptyId);
    const url = (id) => base + '/' + path + '/' + encodeURIComponent(id);
    const showEmpty = () => { empty.hidden = list.children.length > 0; };

    list.addEventListener('change', async (e) => {
      const field = e.target.dataset && e.target.dataset.field;
      if (!field) return;
      const item = e.target.closest('.item');
      let value = e.target.value;
      if (field === 'text' && !value.trim()) {
        toast('Text cannot be empty.', true);
        return;
      }
      if (field === 'due' && !value) value = null;
      try {
        await api('PATCH', url(item.dataset.id), { [field]: value });
        if (field === 'status') {
          item.className = item.className.replace(/status-\S+/, 'status-' + value);
        }
        toast('Saved.');
      } catch (err) {
        toast(err.message, true);
      }
    });

    list.addEventListener('click', async (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const item = target && target.closest('.item');
      if (!item) return;
      if (target.closest('.confirm')) {
        const confirmBtn = target.closest('.confirm');
        const confirmed = confirmBtn.getAttribute('aria-pressed') !== 'true';
        try {
          await api('PATCH', url(item.dataset.id), { confirmed });
          confirmBtn.setAttribute('aria-pressed', String(confirmed));
          confirmBtn.textContent = confirmed ? 'Confirmed' : 'Confirm';
          item.classList.toggle('confirmed', confirmed);
        } catch (err) { toast(err.message, true); }
      } else if (target.closest('.delete')) {
        if (!window.confirm('Delete this item?')) return;
        try {
          await api('DELETE', url(item.dataset.id));
          item.remove();
          showEmpty();
          toast('Deleted.');
        } catch (err) { toast(err.message, true); }
      }
    });

    document.getElementById(addFormId).addEventListener('submit', async (e) => {
      e.preventDefault();
      const input = document.getElementById(inputId);
      const text = input.value.trim();
      if (!text) return;
      try {
        const created = await api('POST', base + '/' + path, { text });
        const item = document.getElementById(templateId).content.firstElementChild.cloneNode(true);
        item.dataset.id = created.id;
        item.querySelector('[data-field="text"]').value = created.text;
        list.appendChild(item);
        input.value = '';
        showEmpty();
        toast('Added.');
      } catch (err) { toast(err.message, true); }
    });
  }

  reviewList('decisions', 'decisions-empty', 'decisions', 'decision-template', 'add-decision', 'new-decision');
  reviewList('action-items', 'actions-empty', 'action-items', 'action-template', 'add-action', 'new-action');

  indexWords();
})();
