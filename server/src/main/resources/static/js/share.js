// Sharing a meeting, for its owner and admins: with people (to view or to edit) and with the whole
// organisation (to view). Names and addresses go into the page with textContent only.
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
  if (!button || !panel) return;

  async function load() {
    try {
      const [meeting, shares] = await Promise.all([api('GET', base), api('GET', base + '/shares')]);
      orgVisible.checked = !!(meeting.access && meeting.access.orgVisible);
      render(shares);
    } catch (err) { toast(err.message, true); }
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
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button small danger';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Stop sharing with ' + share.email);
      remove.addEventListener('click', async () => {
        try {
          await api('DELETE', base + '/shares/' + encodeURIComponent(share.userId));
          toast('No longer shared with ' + share.email + '.');
          load();
        } catch (err) { toast(err.message, true); }
      });
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
