// A small tus 1.0 client (core + creation + termination), enough to upload one recording in
// chunks and resume it: after a network error (with backoff), and after a page reload, since the
// upload's URL is remembered per file in localStorage.
'use strict';

window.TusUpload = (function () {
  const CHUNK = 5 * 1024 * 1024;
  const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
  const MAX_FAILURES = 12;
  const VERSION = { 'Tus-Resumable': '1.0.0' };

  function storageKey(file) {
    return 'verbatim.tus:' + file.name + ':' + file.size + ':' + file.lastModified;
  }

  function encode(value) {
    // Metadata values are base64 of UTF-8.
    const bytes = new TextEncoder().encode(value);
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return btoa(binary);
  }

  function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      if (signal) signal.addEventListener('abort', () => { clearTimeout(timer); reject(aborted()); });
    });
  }

  function aborted() {
    const e = new Error('Upload cancelled.');
    e.name = 'AbortError';
    return e;
  }

  /** An HTTP answer that retrying will not change (as opposed to a lost connection). */
  class HttpError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function failure(response) {
    let detail = 'The server answered ' + response.status + '.';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) { /* not problem JSON: keep the status */ }
    return new HttpError(response.status, detail);
  }

  /**
   * Uploads file to endpoint. options: metadata (object of strings), onProgress(sent, total),
   * onStatus(text), signal (AbortSignal). Resolves with the meeting id the server made.
   */
  async function upload(file, endpoint, options) {
    const opts = options || {};
    const key = storageKey(file);
    const progress = opts.onProgress || (() => {});
    const status = opts.onStatus || (() => {});
    let failures = 0;
    let url = null;
    let offset = 0;

    const remembered = localStorage.getItem(key);
    if (remembered) {
      try {
        offset = await head(remembered);
        url = remembered;
        if (offset > 0) status('Resuming at ' + Math.floor((100 * offset) / file.size) + '%');
      } catch (e) {
        localStorage.removeItem(key); // expired or finished: start afresh
      }
    }

    for (;;) {
      if (opts.signal && opts.signal.aborted) throw aborted();
      try {
        if (!url) {
          url = await create(file, endpoint, opts.metadata || {});
          localStorage.setItem(key, url);
          offset = 0;
        }
        progress(offset, file.size);
        const result = await patch(url, file, offset, progress, opts.signal);
        offset = result.offset;
        failures = 0;
        if (offset >= file.size) {
          localStorage.removeItem(key);
          if (!result.meetingId) throw new HttpError(500, 'The server did not say which meeting it made.');
          return result.meetingId;
        }
      } catch (e) {
        if (e.name === 'AbortError') throw e;
        if (e instanceof HttpError) {
          if (e.status === 404 || e.status === 410) {
            // The server forgot the upload (expired, or finished but we lost the answer):
            // start again; a finished recording comes back as the meeting it already made.
            localStorage.removeItem(key);
            url = null;
            continue;
          }
          if (e.status !== 409 && e.status < 500) throw e;
        }
        failures++;
        if (failures > MAX_FAILURES) {
          throw new Error('The upload keeps failing (' + e.message + '). Choose the file again to resume.');
        }
        const wait = BACKOFF_MS[Math.min(failures - 1, BACKOFF_MS.length - 1)];
        // A server-side failure (507: its disk is full) says why; the bytes sent so far stay.
        const seconds = Math.round(wait / 1000);
        status(e instanceof HttpError
          ? e.message + ' Retrying in ' + seconds + ' s…'
          : 'Connection problem, retrying in ' + seconds + ' s…');
        await sleep(wait, opts.signal);
        if (url) {
          try {
            offset = await head(url);
            status('Resuming at ' + Math.floor((100 * offset) / file.size) + '%');
          } catch (headError) {
            if (headError instanceof HttpError && (headError.status === 404 || headError.status === 410)) {
              localStorage.removeItem(key);
              url = null;
            }
            // Otherwise still offline: the next PATCH fails and we back off again.
          }
        }
      }
    }
  }

  async function head(url) {
    const response = await fetch(url, { method: 'HEAD', headers: VERSION, cache: 'no-store' });
    if (!response.ok) throw new HttpError(response.status, 'Upload not found');
    const offset = parseInt(response.headers.get('Upload-Offset'), 10);
    if (Number.isNaN(offset)) throw new HttpError(500, 'The server sent no Upload-Offset.');
    return offset;
  }

  async function create(file, endpoint, metadata) {
    const pairs = Object.entries(Object.assign({ filename: file.name }, metadata))
      .filter(([, v]) => v !== undefined && v !== null && String(v) !== '')
      .map(([k, v]) => k + ' ' + encode(String(v)));
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: Object.assign({ 'Upload-Length': String(file.size), 'Upload-Metadata': pairs.join(',') }, VERSION, window.Verbatim.csrf('POST')),
    });
    if (response.status !== 201) throw await failure(response);
    const location = response.headers.get('Location');
    if (!location) throw new HttpError(500, 'The server sent no upload location.');
    return new URL(location, window.location.href).href;
  }

  /** Sends one chunk with XHR, which (unlike fetch) reports upload progress. */
  function patch(url, file, offset, progress, signal) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PATCH', url);
      xhr.setRequestHeader('Tus-Resumable', '1.0.0');
      xhr.setRequestHeader('Upload-Offset', String(offset));
      xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
      Object.entries(window.Verbatim.csrf('PATCH')).forEach(([k, v]) => xhr.setRequestHeader(k, v));
      xhr.upload.onprogress = (e) => progress(offset + e.loaded, file.size);
      xhr.onload = () => {
        if (xhr.status === 204 || xhr.status === 200) {
          resolve({
            offset: parseInt(xhr.getResponseHeader('Upload-Offset'), 10),
            meetingId: xhr.getResponseHeader('Verbatim-Meeting-Id'),
          });
          return;
        }
        let detail = 'The server answered ' + xhr.status + '.';
        try {
          const problem = JSON.parse(xhr.responseText);
          detail = problem.detail || problem.title || detail;
        } catch (e) { /* keep the status */ }
        reject(new HttpError(xhr.status, detail));
      };
      xhr.onerror = () => reject(new Error('network error'));
      xhr.ontimeout = () => reject(new Error('timed out'));
      if (signal) signal.addEventListener('abort', () => { xhr.abort(); reject(aborted()); });
      xhr.send(file.slice(offset, Math.min(offset + CHUNK, file.size)));
    });
  }

  /** Ends an upload on the server and forgets it here. */
  async function terminate(file) {
    const key = storageKey(file);
    const url = localStorage.getItem(key);
    localStorage.removeItem(key);
    if (url) await fetch(url, { method: 'DELETE', headers: Object.assign({}, VERSION, window.Verbatim.csrf('DELETE')) }).catch(() => {});
  }

  return { upload, terminate, CHUNK };
})();
