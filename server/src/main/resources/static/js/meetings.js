// The meetings list: uploads (resumable with tus, or several tracks in one multipart request) and
// live progress of processing jobs over Server-Sent Events.
'use strict';

(function () {
  const { stageName } = window.Verbatim;
  const list = document.getElementById('meeting-list');
  const emptyNote = document.getElementById('list-empty');
  const dropZone = document.getElementById('drop-zone');
  const fileInput = document.getElementById('file-input');
  const uploads = document.getElementById('upload-list');
  const titleInput = document.getElementById('upload-title');
  const dateInput = document.getElementById('upload-date');
  const multitrack = document.getElementById('upload-multitrack');
  const templateSelect = document.getElementById('upload-template');

  // ---- Uploading ----

  fileInput.addEventListener('change', () => {
    start(Array.from(fileInput.files));
    fileInput.value = '';
  });

  ['dragenter', 'dragover'].forEach((type) =>
    dropZone.addEventListener(type, (e) => {
      e.preventDefault();
      dropZone.classList.add('dragging');
    }));
  ['dragleave', 'drop'].forEach((type) =>
    dropZone.addEventListener(type, () => dropZone.classList.remove('dragging')));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    start(Array.from(e.dataTransfer.files));
  });
  // Dropping a file next to the zone should not make the browser navigate away to play it.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());

  async function start(files) {
    if (files.length === 0) return;
    const title = titleInput.value.trim();
    const date = dateInput.value;
    const template = templateSelect.value;
    if (multitrack.checked) {
      await uploadTracks(files, title, date, template);
      return;
    }
    const single = files.length === 1;
    for (const file of files) {
      // Several files without "one file per participant" are several meetings.
      await uploadOne(file, single ? title : '', date, template, single);
    }
  }

  /** A row in the upload list with a progress bar; returns functions that update it. */
  function uploadRow(name) {
    const li = document.createElement('li');
    li.className = 'upload-item';
    const label = document.createElement('span');
    label.className = 'upload-name';
    label.textContent = name;
    const percent = document.createElement('span');
    percent.className = 'upload-percent';
    percent.textContent = '0%';
    const bar = document.createElement('div');
    bar.className = 'progress';
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    bar.setAttribute('aria-valuenow', '0');
    bar.setAttribute('aria-label', 'Uploading ' + name);
    const fill = document.createElement('div');
    fill.className = 'progress-bar';
    bar.appendChild(fill);
    const note = document.createElement('span');
    note.className = 'upload-note muted';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button small';
    cancel.textContent = 'Cancel';
    li.append(label, percent, bar, note, cancel);
    uploads.appendChild(li);
    return {
      cancel,
      progress(sent, total) {
        const p = total > 0 ? Math.min(100, Math.floor((100 * sent) / total)) : 0;
        fill.style.width = p + '%';
        bar.setAttribute('aria-valuenow', String(p));
        percent.textContent = p + '%';
      },
      note(text, isError) {
        note.textContent = text;
        note.classList.toggle('error-text', !!isError);
      },
      done(meetingId, text) {
        cancel.remove();
        li.classList.add('finished');
        note.textContent = '';
        const link = document.createElement('a');
        link.href = '/meetings/' + encodeURIComponent(meetingId);
        link.textContent = text;
        note.appendChild(link);
      },
      failed(message) {
        cancel.remove();
        li.classList.add('failed');
        this.note(message, true);
      },
    };
  }

  async function uploadOne(file, title, date, template, navigate) {
    const row = uploadRow(file.name);
    const controller = new AbortController();
    row.cancel.addEventListener('click', () => {
      controller.abort();
      window.TusUpload.terminate(file);
    });
    try {
      const id = await window.TusUpload.upload(file, '/api/uploads', {
        metadata: { title, date, template },
        signal: controller.signal,
        onProgress: (sent, total) => row.progress(sent, total),
        onStatus: (text) => row.note(text),
      });
      row.progress(1, 1);
      row.done(id, 'Uploaded — open the meeting');
      if (navigate) {
        window.location.assign('/meetings/' + encodeURIComponent(id));
      }
    } catch (e) {
      row.failed(e.name === 'AbortError' ? 'Cancelled.' : e.message);
    }
  }

  /** Several recordings of one meeting, one per participant, in one multipart request. */
  function uploadTracks(files, title, date, template) {
    const names = files.map((f) => f.name).join(', ');
    const row = uploadRow(files.length + ' tracks: ' + names);
    const form = new FormData();
    files.forEach((f) => form.append('file', f, f.name));
    if (title) form.append('title', title);
    if (date) form.append('date', date);
    if (template) form.append('template', template);
    form.append('multitrack', 'true');
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/meetings');
      xhr.setRequestHeader('Accept', 'application/json');
      Object.entries(window.Verbatim.csrf('POST')).forEach(([k, v]) => xhr.setRequestHeader(k, v));
      xhr.upload.onprogress = (e) => row.progress(e.loaded, e.total);
      row.cancel.addEventListener('click', () => xhr.abort());
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { /* handled below */ }
        if (xhr.status >= 200 && xhr.status < 300 && body && body.id) {
          row.progress(1, 1);
          row.done(body.id, body.duplicate ? 'Already uploaded — open the meeting' : 'Uploaded — open the meeting');
          window.location.assign('/meetings/' + encodeURIComponent(body.id));
        } else {
          row.failed((body && (body.detail || body.title)) || 'Upload failed (' + xhr.status + ').');
        }
        resolve();
      };
      xhr.onerror = () => { row.failed('The connection broke; choose the files again to retry.'); resolve(); };
      xhr.onabort = () => { row.failed('Cancelled.'); resolve(); };
      xhr.send(form);
    });
  }

  // ---- Live progress ----

  const refreshing = new Set();

  /** Replaces (or adds) one meeting's row with the server's rendering of it. */
  async function refreshRow(id) {
    if (refreshing.has(id)) return;
    refreshing.add(id);
    try {
      const response = await fetch('/meetings/' + encodeURIComponent(id) + '/row');
      if (window.Verbatim.signedOut(response)) window.Verbatim.signIn();
      if (!response.ok || response.redirected) return;
      // The row is rendered and escaped by the server's template, not assembled from data here.
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = doc.body.firstElementChild;
      if (!fresh) return;
      prettifyStage(fresh);
      const old = findRow(id);
      if (old) {
        old.replaceWith(fresh);
      } else {
        list.prepend(fresh);
      }
      emptyNote.hidden = true;
    } finally {
      refreshing.delete(id);
    }
  }

  function findRow(id) {
    return Array.from(list.children).find((li) => li.dataset.id === id) || null;
  }

  function onProgress(event) {
    const row = findRow(event.meetingId);
    const bar = row && row.querySelector('.progress');
    if (!row || !bar) {
      refreshRow(event.meetingId);
      return;
    }
    const percent = Math.round(100 * Math.max(0, Math.min(1, event.progress)));
    bar.querySelector('.progress-bar').style.width = percent + '%';
    bar.setAttribute('aria-valuenow', String(percent));
    row.querySelector('.stage').textContent = stageName(event.stage) + ' · ' + percent + '%';
    const badge = row.querySelector('.badge');
    if (badge.textContent !== 'processing' && event.stage !== 'queued') {
      badge.textContent = 'processing';
      badge.className = 'badge badge-processing';
      row.dataset.status = 'processing';
    }
  }

  let source = null;
  function listen() {
    source = new EventSource('/api/events');
    source.addEventListener('progress', (e) => onProgress(JSON.parse(e.data)));
    ['done', 'failed', 'live'].forEach((type) =>
      source.addEventListener(type, (e) => refreshRow(JSON.parse(e.data).meetingId)));
    source.addEventListener('updated', (e) => {
      const id = JSON.parse(e.data).meetingId;
      if (findRow(id)) refreshRow(id);
    });
    // EventSource reconnects by itself; rows may have changed while it was away.
    source.addEventListener('open', () => {
      list.querySelectorAll('.meeting-row[data-status="queued"], .meeting-row[data-status="processing"]')
        .forEach((row) => refreshRow(row.dataset.id));
    });
  }

  /** Friendly stage names for what the server rendered. */
  function prettifyStage(row) {
    const el = row.querySelector('.stage');
    if (!el) return;
    const bar = row.querySelector('.progress');
    el.textContent = stageName(el.textContent.trim()) + ' · ' + bar.getAttribute('aria-valuenow') + '%';
  }

  list.querySelectorAll('.meeting-row').forEach(prettifyStage);
  listen();
  // A page kept in the back-forward cache must not keep its stream open: browsers allow only a
  // few connections per server, and a held one stalls every other request.
  window.addEventListener('pagehide', () => source.close());
  window.addEventListener('pageshow', (e) => { if (e.persisted) listen(); });
})();
