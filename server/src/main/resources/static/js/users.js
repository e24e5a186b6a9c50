// The users page, for admins: create accounts, change roles, disable and enable them.
'use strict';

(function () {
  const { api, toast } = window.Verbatim;
  const body = document.querySelector('#users tbody');
  const count = document.getElementById('user-count');
  const form = document.getElementById('user-form');

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  async function change(user, fields) {
    try {
      await api('PATCH', '/api/users/' + encodeURIComponent(user.id), fields);
      toast('Saved.');
    } catch (err) { toast(err.message, true); }
    load();
  }

  async function load() {
    let users;
    try {
      users = await api('GET', '/api/users');
    } catch (err) { toast(err.message, true); return; }
    count.textContent = users.length === 1 ? '1 account' : users.length + ' accounts';
    body.replaceChildren();
    users.forEach((user) => {
      const tr = document.createElement('tr');
      tr.dataset.id = user.id;
      if (user.disabled) tr.classList.add('muted');
      const role = document.createElement('select');
      role.setAttribute('aria-label', 'Role of ' + user.email);
      ['member', 'admin'].forEach((r) => {
        const option = document.createElement('option');
        option.value = r;
        option.textContent = r;
        option.selected = user.role === r;
        role.append(option);
      });
      role.addEventListener('change', () => change(user, { role: role.value }));
      const roleCell = document.createElement('td');
      roleCell.append(role);
      const actions = document.createElement('td');
      actions.className = 'actions';
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'button small' + (user.disabled ? '' : ' danger');
      toggle.textContent = user.disabled ? 'Enable' : 'Disable';
      toggle.addEventListener('click', () => change(user, { disabled: !user.disabled }));
      actions.append(toggle);
      tr.append(cell(user.email + (user.disabled ? ' (disabled)' : '')), cell(user.name), roleCell, actions);
      body.append(tr);
    });
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const email = document.getElementById('user-email');
    const name = document.getElementById('user-name');
    const password = document.getElementById('user-password');
    try {
      await api('POST', '/api/users', {
        email: email.value.trim(),
        name: name.value.trim(),
        password: password.value,
        role: document.getElementById('user-role').value,
      });
      toast('Created ' + email.value.trim() + '.');
      form.reset();
      load();
    } catch (err) { toast(err.message, true); }
  });

  load();
})();
