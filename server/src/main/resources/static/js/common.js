// Shared by every page: calling the JSON API and telling the user what happened.
// Text from the server or the user is only ever put into the page with textContent.
'use strict';

window.Verbatim = (function () {
  /**
   * Calls the API; rejects with the problem's detail (RFC 9457) so the user can read why, and the
   * HTTP status as the error's status. headers: extra request headers, such as If-Match.
   */
  async function api(method, url, body, headers) {
    const init = { method, headers: Object.assign({ Accept: 'application/json' }, csrf(method), headers) };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new Error('Could not reach the server. Check your connection and try again.');
    }
    if (response.status === 401) signIn();
    if (!response.ok) {
      const error = new Error(await problemDetail(response));
      error.status = response.status;
      throw error;
    }
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : null;
  }

  /**
   * The header that proves a state-changing request comes from this site's pages: the value of the
   * XSRF-TOKEN cookie, which other sites cannot read. Safe methods need none.
   */
  function csrf(method) {
    if (/^(GET|HEAD|OPTIONS)$/i.test(method || 'GET')) return {};
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie.substring(11)) } : {};
  }

  /** A page request whose session ended is sent to the sign-in page; fetch follows quietly. */
  function signedOut(response) {
    return response.redirected && new URL(response.url).pathname === '/login';
  }

  /** The session ended (signed out elsewhere, or expired): back to the sign-in page. */
  function signIn() {
    window.location.assign('/login');
  }

  async function problemDetail(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || response.statusText;
    } catch (e) {
      return 'The server answered ' + response.status + ' ' + response.statusText + '.';
    }
  }

  let toastTimer;
  /** A short message at the bottom of the screen; errors stay until the next message. */
  function toast(message, isError) {
    const box = document.getElementById('toast');
    if (!box) return;
    box.textContent = message;
    box.classList.toggle('error', !!isError);
    box.setAttribute('role', isError ? 'alert' : 'status');
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, isError ? 8000 : 2500);
  }

  /** 62000 → "1:02"; 3723000 → "1:02:03". */
  function clock(ms) {
    const total = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(total / 3600), m = Math.floor(total / 60) % 60, s = total % 60;
    const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? h + ':' : '') + mm + ':' + String(s).padStart(2, '0');
  }

  const STAGES = {
    queued: 'Waiting in the queue',
    decode: 'Decoding the recording',
    transcribe: 'Transcribing',
    minutes: 'Writing the minutes',
    index: 'Indexing for search',
  };
  function stageName(stage) {
    return STAGES[stage] || stage || STAGES.queued;
  }

  /**
   * A piece of a page as the server renders it (and escapes it), for a script to put in place of
   * an older one. Resolves with the first element of the fragment.
   */
  async function fragment(url) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'text/html' } });
    } catch (e) {
      throw new Error('Could not reach the server. Check your connection and try again.');
    }
    if (signedOut(response)) {
      signIn();
      throw new Error('Your session ended; sign in again.');
    }
    if (!response.ok) {
      const error = new Error('The server answered ' + response.status + '.');
      error.status = response.status;
      throw error;
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const element = doc.body.firstElementChild;
    if (!element) throw new Error('The server sent an empty page.');
    return document.adoptNode(element);
  }

  return { api, csrf, signedOut, signIn, toast, clock, stageName, fragment };
})();
