// The action items page: move an item along (with the version it was shown at, so a change made
// elsewhere meanwhile is not overwritten), and make or stop the calendar feed address.
'use strict';

(function () {
  const { api, toast } = window.Verbatim;

  document.querySelectorAll('.action-row .status-select').forEach((select) => {
    select.addEventListener('change', async () => {
      const row = select.closest('tr');
      const previous = [...row.classList].find((c) => c.startsWith('status-'));
      select.disabled = true;
      try {
        const item = await api('PATCH', '/api/action-items/' + encodeURIComponent(row.dataset.id),
          { status: select.value }, { 'If-Match': '"' + row.dataset.version + '"' });
        row.dataset.version = item.version;
        row.classList.remove(previous);
        row.classList.add('status-' + item.status);
        toast('Saved.');
      } catch (err) {
        toast(err.status === 412
          ? 'Someone changed this item meanwhile. Reload the page to see it.'
          : err.message, true);
        select.value = previous.substring('status-'.length);
      } finally {
        select.disabled = false;
      }
    });
  });

  const status = document.getElementById('feed-status');
  const created = document.getElementById('feed-created');
  const url = document.getElementById('feed-url');
  const make = document.getElementById('new-feed');
  const stop = document.getElementById('stop-feed');

  function show(feed) {
    status.textContent = feed.exists
      ? 'A feed address exists since ' + new Date(feed.createdAt).toLocaleString() + '.'
      : 'No feed address yet.';
    make.textContent = feed.exists ? 'Make a new feed address' : 'Make a feed address';
    stop.hidden = !feed.exists;
  }

  async function load() {
    try { show(await api('GET', '/api/me/feed-token')); } catch (err) { toast(err.message, true); }
  }

  make.addEventListener('click', async () => {
    try {
      const feed = await api('POST', '/api/me/feed-token', {});
      // Only your own items: a personal to-do list is what people subscribe to.
      url.textContent = feed.url + '&owner=me';
      created.hidden = false;
      await load();
    } catch (err) { toast(err.message, true); }
  });

  stop.addEventListener('click', async () => {
    try {
      await api('DELETE', '/api/me/feed-token');
      created.hidden = true;
      toast('The feed address no longer works.');
      await load();
    } catch (err) { toast(err.message, true); }
  });

  document.getElementById('copy-feed').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url.textContent);
      toast('Copied.');
    } catch (err) {
      toast('Select the address and copy it.', true);
    }
  });

  load();
})();
