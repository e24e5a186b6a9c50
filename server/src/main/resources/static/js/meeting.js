// The meeting page: live progress while processing, the player and the transcript kept in step,
// inline editing of the title, speakers, passages, decisions and action items, and the glossary.
// Every text from the server or the user goes into the page with textContent or value; larger
// pieces come rendered (and escaped) by the server.
'use strict';

(function () {
  const { api, toast, stageName, fragment, clock } = window.Verbatim;
  const page = document.querySelector('.meeting-page');
  const meetingId = page.dataset.meetingId;
  const renderedStatus = page.dataset.status;
  const base = '/api/meetings/' + encodeURIComponent(meetingId);
  const player = document.getElementById('player');
  const transcript = document.getElementById('transcript');

  // ---- This tab's own edits ----

  // Every edit makes the server announce "updated" to all pages of the meeting, this one too. An
  // announcement while (or just after) this tab edits is taken to be its own echo.
  const ECHO_MS = 3000;
  let editsInFlight = 0;
  let quietUntil = 0;

  /** An API call that changes the meeting. */
  async function edit(method, url, body, headers) {
    editsInFlight++;
    try {
      return await api(method, url, body, headers);
    } finally {
      editsInFlight--;
      quietUntil = Date.now() + ECHO_MS;
    }
  }

  function ownEcho() {
    return editsInFlight > 0 || Date.now() < quietUntil;
  }

  // A reload the page asks for keeps the player where it was.
  const POSITION = 'verbatim.position:' + meetingId;
  function reloadKeepingPlace() {
    if (player) sessionStorage.setItem(POSITION, String(player.currentTime));
    window.location.reload();
  }
  const savedPosition = sessionStorage.getItem(POSITION);
  if (savedPosition !== null) {
    sessionStorage.removeItem(POSITION);
    const seconds = Number(savedPosition);
    if (player && seconds > 0) {
      if (player.readyState >= 1) player.currentTime = seconds;
      else player.addEventListener('loadedmetadata', () => { player.currentTime = seconds; }, { once: true });
    }
  }

  // ---- Progress while queued or processing ----

  let source = null;
  function listen() {
    source = new EventSource(base + '/events');
    source.addEventListener('progress', (e) => showProgress(JSON.parse(e.data)));
    source.addEventListener('done', () => {
      if (renderedStatus !== 'done') {
        source.close();
        // The transcript, minutes and speakers are rendered by the server: one reload shows them.
        reloadKeepingPlace();
      }
    });
    source.addEventListener('failed', (e) => {
      if (renderedStatus !== 'failed') showFailure(JSON.parse(e.data).error);
    });
    source.addEventListener('updated', () => {
      if (!ownEcho()) showChangedElsewhere();
    });
  }

  // Someone else's edit: say so, but never reload by itself, the user may be typing.
  const changedNotice = document.getElementById('changed-elsewhere');
  function showChangedElsewhere() {
    changedNotice.hidden = false;
  }
  document.getElementById('reload-changed').addEventListener('click', reloadKeepingPlace);
  document.getElementById('dismiss-changed').addEventListener('click', () => { changedNotice.hidden = true; });

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

  const { seek, indexWords, highlight } = window.Verbatim.transcriptPlayer(player, transcript);

  // ---- Search: arriving from a hit, and searching within this meeting ----

  /** The words a query looks for, without syntax: quotes, operators, fields and dates go. */
  function queryWords(query) {
    return query
      .split(/\s+/)
      .filter((w) => w && !w.startsWith('-') && !/^(AND|OR|NOT)$/.test(w) && !/^(before|after|speaker|title):/i.test(w))
      .map((w) => w.replace(/["()*~^]/g, '').toLowerCase())
      .filter((w) => w.length > 1);
  }

  /** Marks the transcript's words that match the query, as the index would: alike up to endings. */
  function markWords(query) {
    const wanted = queryWords(query);
    let marked = 0;
    transcript.querySelectorAll('.w.hit').forEach((w) => w.classList.remove('hit'));
    if (!wanted.length) return 0;
    transcript.querySelectorAll('.w').forEach((span) => {
      const word = span.textContent.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
      if (!word) return;
      const match = wanted.some((t) => word === t
        || (t.length >= 4 && word.startsWith(t))
        || (word.length >= 4 && t.startsWith(word)));
      if (match) {
        span.classList.add('hit');
        marked++;
      }
    });
    return marked;
  }

  const searchForm = document.getElementById('meeting-search');
  const searchInput = document.getElementById('meeting-search-q');
  const searchStatus = document.getElementById('meeting-search-status');
  const searchResults = document.getElementById('meeting-search-results');

  async function searchMeeting(query) {
    markWords(query);
    searchStatus.hidden = false;
    searchResults.hidden = true;
    if (!query.trim()) {
      searchStatus.hidden = true;
      return;
    }
    searchStatus.textContent = 'Searching…';
    try {
      const url = '/api/search?facets=false&size=50&type=segment&meeting=' + encodeURIComponent(meetingId)
        + '&q=' + encodeURIComponent(query);
      const found = await api('GET', url);
      searchStatus.textContent = found.total === 0 ? 'Not found in this meeting.'
        : found.total === 1 ? '1 passage' : found.total + ' passages';
      searchResults.replaceChildren(...found.hits.map((hit) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'seek';
        button.dataset.start = String(hit.startMs);
        const time = document.createElement('span');
        time.className = 'time';
        time.textContent = clock(hit.startMs);
        const snippet = document.createElement('span');
        snippet.className = 'snippet';
        // The snippet comes escaped by the server, with only <mark> added around matched words.
        snippet.innerHTML = hit.snippet;
        button.append(time, ' ', snippet);
        item.append(button);
        return item;
      }));
      searchResults.hidden = found.total === 0;
    } catch (e) {
      searchStatus.textContent = e.message || 'Search failed.';
    }
  }

  if (searchForm) {
    searchForm.addEventListener('submit', (e) => {
      e.preventDefault();
      searchMeeting(searchInput.value);
    });
  }

  // A search hit links here with the second to play from (t) and what was searched for (q).
  const arrival = new URLSearchParams(window.location.search);
  const query = arrival.get('q');
  if (query) {
    if (searchInput) searchInput.value = query;
    if (renderedStatus === 'done') searchMeeting(query);
  }
  const at = Number(arrival.get('t'));
  if (player && at > 0 && savedPosition === null) {
    const start = () => seek(at * 1000, true);
    if (player.readyState >= 1) start();
    else player.addEventListener('loadedmetadata', start, { once: true });
  }

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
        const corrected = await edit('PUT', base + '/segments/' + encodeURIComponent(segment.dataset.segment), { text: area.value });
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
      const header = await edit('PATCH', base, { title: titleInput.value, date: dateInput.value });
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
  const reprocessForm = document.getElementById('reprocess-form');
  if (reprocess && reprocessForm) {
    const showReprocess = (open) => {
      reprocessForm.hidden = !open;
      reprocess.setAttribute('aria-expanded', String(open));
      if (open) document.getElementById('reprocess-template').focus();
    };
    reprocess.addEventListener('click', () => showReprocess(reprocessForm.hidden));
    document.getElementById('reprocess-cancel').addEventListener('click', () => showReprocess(false));
    reprocessForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await edit('POST', base + '/reprocess', { template: document.getElementById('reprocess-template').value });
        reloadKeepingPlace();
      } catch (err) { toast(err.message, true); }
    });
  }
  const cancelJob = document.getElementById('cancel-job');
  if (cancelJob) {
    cancelJob.addEventListener('click', async () => {
      if (!window.confirm('Stop processing this meeting?')) return;
      try {
        await edit('POST', base + '/cancel');
        window.location.reload();
      } catch (err) { toast(err.message, true); }
    });
  }
  const deleteMeeting = document.getElementById('delete-meeting');
  if (deleteMeeting) deleteMeeting.addEventListener('click', async () => {
    if (!window.confirm('Delete this meeting, its recording and its minutes? This cannot be undone.')) return;
    try {
      await edit('DELETE', base);
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
    } else if (target.closest('.use-suggestion')) {
      // Accepting a name the minutes suggested is renaming the speaker to it, in one click.
      const form = item.querySelector('.rename-form');
      form.querySelector('input').value = target.closest('.use-suggestion').dataset.name;
      form.requestSubmit();
      target.closest('.name-suggestion').remove();
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
      await edit('PUT', base + '/speakers/' + encodeURIComponent(id), { name });
      const label = name || id;
      const nameEl = item.querySelector('.speaker-name');
      nameEl.textContent = label;
      nameEl.classList.toggle('unnamed', !name);
      item.querySelector('.rename').setAttribute('aria-label', 'Rename ' + label);
      transcript.querySelectorAll('.speaker-label').forEach((el) => {
        if (el.dataset.speaker === id) el.textContent = label;
      });
      // The server hands the speaker's action items to the new name (a new version of each):
      // show them as they are stored now.
      document.querySelectorAll('#action-items [data-field="owner"]').forEach((owner) => {
        if (owner.value === id || owner.value === oldLabel) refreshActionItem(owner.closest('.item'));
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

  /** An action item as it is stored now, in place of the one shown. */
  async function refreshActionItem(item) {
    try {
      const fresh = await fragment('/meetings/' + encodeURIComponent(meetingId) + '/action-items/' + encodeURIComponent(item.dataset.id));
      item.replaceWith(fresh);
      return fresh;
    } catch (err) {
      toast(err.message, true);
      return null;
    }
  }

  /** Action items carry a version: an edit names it, and fails if someone else changed the item first. */
  function ifMatch(item) {
    return item.dataset.version !== undefined ? { 'If-Match': '"' + item.dataset.version + '"' } : undefined;
  }

  async function conflicted(item) {
    toast('Changed by someone else — reloaded', true);
    const fresh = await refreshActionItem(item);
    if (!fresh) return;
    const note = document.createElement('p');
    note.className = 'item-note';
    note.setAttribute('role', 'alert');
    note.textContent = 'Changed by someone else — reloaded. Make your change again if it still applies.';
    fresh.querySelector('.item-main').appendChild(note);
  }

  function reviewList(listId, emptyId, path, templateId, addFormId, inputId) {
    const list = document.getElementById(listId);
    if (!list) return;
    const empty = document.getElementById(emptyId);
    const url = (id) => base + '/' + path + '/' + encodeURIComponent(id);
    const showEmpty = () => { empty.hidden = list.children.length > 0; };

    /** Saves a change of one item; false if it was not saved. */
    async function save(item, change) {
      try {
        const saved = await edit('PATCH', url(item.dataset.id), change, ifMatch(item));
        if (saved && saved.version !== undefined) item.dataset.version = String(saved.version);
        const note = item.querySelector('.item-note');
        if (note) note.remove();
        return true;
      } catch (err) {
        if (err.status === 412) await conflicted(item);
        else toast(err.message, true);
        return false;
      }
    }

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
      if (!(await save(item, { [field]: value }))) return;
      if (field === 'status') {
        item.className = item.className.replace(/status-\S+/, 'status-' + value);
      }
      toast('Saved.');
    });

    list.addEventListener('click', async (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const item = target && target.closest('.item');
      if (!item) return;
      if (target.closest('.confirm')) {
        const confirmBtn = target.closest('.confirm');
        const confirmed = confirmBtn.getAttribute('aria-pressed') !== 'true';
        if (!(await save(item, { confirmed }))) return;
        confirmBtn.setAttribute('aria-pressed', String(confirmed));
        confirmBtn.textContent = confirmed ? 'Confirmed' : 'Confirm';
        item.classList.toggle('confirmed', confirmed);
      } else if (target.closest('.delete')) {
        if (!window.confirm('Delete this item?')) return;
        try {
          await edit('DELETE', url(item.dataset.id));
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
        const created = await edit('POST', base + '/' + path, { text });
        const item = document.getElementById(templateId).content.firstElementChild.cloneNode(true);
        item.dataset.id = created.id;
        if (created.version !== undefined) item.dataset.version = String(created.version);
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

  // ---- Glossary, corrections and find-and-replace ----

  /** Shows the transcript as stored now, after the server changed passages; the player plays on. */
  async function refreshTranscript() {
    const fresh = await fragment('/meetings/' + encodeURIComponent(meetingId) + '/transcript');
    transcript.replaceChildren(...Array.from(fresh.childNodes));
    transcript.dataset.words = fresh.dataset.words || '';
    indexWords();
    highlight();
  }

  window.TermList({
    url: base + '/glossary',
    list: document.getElementById('meeting-terms'),
    empty: document.getElementById('meeting-terms-empty'),
    form: document.getElementById('add-meeting-term'),
    input: document.getElementById('new-meeting-term'),
    error: document.getElementById('meeting-term-error'),
  });

  const corrections = document.getElementById('corrections');
  if (corrections) {
    const correctionsEmpty = document.getElementById('corrections-empty');
    const applyResult = document.getElementById('apply-result');
    const replaceResult = document.getElementById('replace-result');

    const loadCorrections = async () => {
      const list = await api('GET', base + '/glossary/corrections');
      corrections.replaceChildren(...list.map(correctionRow));
      correctionsEmpty.hidden = list.length > 0;
    };

    function correctionRow(c) {
      const li = document.createElement('li');
      li.className = 'correction';
      li.classList.toggle('reverted', c.reverted);
      li.dataset.id = c.id;
      const time = button(clock(c.startMs), 'time seek', 'button');
      time.dataset.start = String(c.startMs);
      time.setAttribute('aria-label', 'Play from ' + clock(c.startMs));
      const change = document.createElement('span');
      change.className = 'change';
      const original = document.createElement('del');
      original.textContent = c.original;
      const replacement = document.createElement('ins');
      replacement.textContent = c.replacement;
      change.append(original, ' → ', replacement);
      li.append(time, change);
      if (c.reverted) {
        const undone = document.createElement('span');
        undone.className = 'muted small';
        undone.textContent = 'Undone';
        li.appendChild(undone);
      } else {
        const undo = button('Undo', 'button small undo', 'button');
        undo.setAttribute('aria-label', 'Undo: put back “' + c.original + '”');
        li.appendChild(undo);
      }
      return li;
    }

    corrections.addEventListener('click', async (e) => {
      const undo = e.target instanceof Element && e.target.closest('.undo');
      if (!undo) return;
      const li = undo.closest('.correction');
      undo.disabled = true;
      try {
        await edit('POST', base + '/glossary/corrections/' + encodeURIComponent(li.dataset.id) + '/revert');
        toast('Correction undone.');
        await Promise.all([loadCorrections(), refreshTranscript()]);
      } catch (err) {
        // 409: already undone, or the passage was edited since; the server says which.
        let note = li.querySelector('.error-text');
        if (!note) {
          note = document.createElement('p');
          note.className = 'error-text small';
          note.setAttribute('role', 'alert');
          li.appendChild(note);
        }
        note.textContent = err.message;
        undo.disabled = false;
      }
    });

    const apply = document.getElementById('apply-glossary');
    apply.addEventListener('click', async () => {
      apply.disabled = true;
      applyResult.textContent = 'Applying…';
      try {
        const result = await edit('POST', base + '/glossary/apply');
        applyResult.textContent = result.corrections === 1 ? '1 correction' : result.corrections + ' corrections';
        await Promise.all([loadCorrections(), refreshTranscript()]);
      } catch (err) {
        applyResult.textContent = '';
        toast(err.message, true);
      } finally {
        apply.disabled = false;
      }
    });

    document.getElementById('replace-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const find = document.getElementById('replace-find').value;
      if (!find.trim()) return;
      replaceResult.classList.remove('error-text');
      try {
        const result = await edit('POST', base + '/replace', {
          find,
          replace: document.getElementById('replace-with').value,
          wholeWords: document.getElementById('replace-whole').checked,
        });
        replaceResult.textContent = result.replacements === 0 ? 'Nothing found.' : result.replacements + ' replaced';
        if (result.replacements > 0) await refreshTranscript();
      } catch (err) {
        replaceResult.textContent = err.message;
        replaceResult.classList.add('error-text');
      }
    });

    loadCorrections().catch((err) => toast(err.message, true));
  }

  indexWords();
})();
