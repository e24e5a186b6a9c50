// Sharing a meeting, for its owner and admins: with people (to view or to edit), with the whole
// organisation (to view), and by read-only share links for people without an account. Names and
// addresses go into the page with textContent only.
'use strict';

(function () {
  const { api, toast } = window.Verbatim;
  const page = document.querySelector('.meeting-page');
  const base = '/api/meetings/' + encodeURIComponent(page.dataset.meetingId);
  const button = document.getElementById('share-meeting');
  const panel = document.getElementById('share-panel');
  const list = document.getElementById('share-list');
  const empty = document.getElementById('share-empty');
  const orgVisible = document.getElementById('org-visible');
  const form = document.getElementById('share-form');
  const created = document.getElementById('share-link-created');
  const createdUrl = document.getElementById('share-link-url');
  if (!button || !panel) return;

  async function load() {
    try {
      const [meeting, shares, links] = await Promise.all(
        [api('GET', base), api('GET', base + '/shares'), api('GET', base + '/share-links')]);
      orgVisible.checked = !!(meeting.access && meeting.access.orgVisible);
      render(shares);
      renderLinks(links);
    } catch (err) { toast(err.message, true); }
  }

  /** A button that deletes url, says done, and shows the panel afresh. */
  function removal(text, label, url, done) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button small danger';
    button.textContent = text;
    button.setAttribute('aria-label', label);
    button.addEventListener('click', async () => {
      try {
        await api('DELETE', url);
        toast(done);
        created.hidden = true;
        load();
      } catch (err) { toast(err.message, true); }
    });
    return button;
  }

  function render(shares) {
    list.replaceChildren();
    empty.hidden = shares.length > 0;
    shares.forEach((share) => {
      const li = document.createElement('li');
      li.className = 'share-row';
      li.dataset.user = share.userId;
      const who = document.createElement('span');
      who.textContent = share.name === share.email ? share.email : share.name + ' <' + share.email + '>';
      const may = document.createElement('span');
      may.className = 'muted small';
      may.textContent = 'may ' + share.permission;
      const remove = removal('Remove', 'Stop sharing with ' + share.email,
        base + '/shares/' + encodeURIComponent(share.userId), 'No longer shared with ' + share.email + '.');
      li.append(who, may, remove);
      list.append(li);
    });
  }

  button.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) load();
  });

  orgVisible.addEventListener('change', async () => {
    try {
      await api('PATCH', base, { orgVisible: orgVisible.checked });
      toast(orgVisible.checked ? 'Everyone in the organisation can view it now.' : 'Only the people it is shared with can view it now.');
    } catch (err) {
      orgVisible.checked = !orgVisible.checked;
      toast(err.message, true);
    }
  });

  // ---- Share links ----

  const linkList = document.getElementById('share-link-list');
  const linkEmpty = document.getElementById('share-link-empty');
  const linkForm = document.getElementById('share-link-form');

  function day(instant) {
    return instant ? instant.substring(0, 10) : '';
  }

  function renderLinks(links) {
    linkList.replaceChildren();
    linkEmpty.hidden = links.length > 0;
    links.forEach((link) => {
      const li = document.createElement('li');
      li.className = 'share-link-row' + (link.state === 'active' ? '' : ' inactive');
      li.dataset.link = link.id;
      const name = document.createElement('span');
      name.className = 'share-link-name';
      name.textContent = link.name;
      const about = document.createElement('span');
      about.className = 'muted small';
      const parts = [link.transcript ? 'transcript and recording' : 'minutes only',
        link.exports ? 'downloads' : 'no downloads'];
      if (link.state === 'revoked') parts.push('revoked ' + day(link.revokedAt));
      else if (link.state === 'expired') parts.push('expired ' + day(link.expiresAt));
      else parts.push(link.expiresAt ? 'until ' + day(link.expiresAt) : 'no expiry');
      parts.push(link.views === 0 ? 'not opened yet'
        : 'opened ' + link.views + (link.views === 1 ? ' time' : ' times') + ', last ' + day(link.lastViewedAt));
      about.textContent = parts.join(' · ');
      li.append(name, about);
      if (link.state === 'active') {
        li.append(removal('Revoke', 'Revoke the share link ' + link.name,
          base + '/share-links/' + encodeURIComponent(link.id), 'The link "' + link.name + '" no longer works.'));
      }
      linkList.append(li);
    });
  }

  linkForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = document.getElementById('share-link-name').value.trim();
    const expiry = document.getElementById('share-link-expiry').value;
    const body = {
      transcript: document.getElementById('share-link-transcript').checked,
      exports: document.getElementById('share-link-exports').checked,
      expiresAt: expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * 86400000).toISOString(),
    };
    if (name) body.name = name;
    try {
      const link = await api('POST', base + '/share-links', body);
      createdUrl.value = link.url;
      created.hidden = false;
      createdUrl.focus();
      createdUrl.select();
      document.getElementById('share-link-name').value = '';
      load();
    } catch (err) { toast(err.message, true); }
  });

  document.getElementById('share-link-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(createdUrl.value);
      toast('Link copied.');
    } catch (err) {
      // Without clipboard access (plain HTTP, say) the selected text is there to copy by hand.
      createdUrl.select();
      toast('Press Ctrl+C (or ⌘C) to copy the selected link.');
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const email = document.getElementById('share-email');
    const permission = document.getElementById('share-permission').value;
    try {
      await api('PUT', base + '/shares/' + encodeURIComponent(email.value.trim()), { permission });
      toast('Shared with ' + email.value.trim() + ' to ' + permission + '.');
      email.value = '';
      load();
    } catch (err) { toast(err.message, true); }
  });
})();
