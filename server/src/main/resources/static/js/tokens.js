// The API tokens page: create a token (its value is shown once), list them, revoke one.
'use strict';

(function () {
  const { api, toast } = window.Verbatim;
  const form = document.getElementById('token-form');
  const created = document.getElementById('token-created');
  const value = document.getElementById('token-value');
  const table = document.getElementById('tokens');
  const body = table.querySelector('tbody');
  const empty = document.getElementById('tokens-empty');

  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : 'never';
  }

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  async function load() {
    try {
      render(await api('GET', '/api/tokens'));
    } catch (err) { toast(err.message, true); }
  }

  function render(tokens) {
    body.replaceChildren();
    table.hidden = tokens.length === 0;
    empty.hidden = tokens.length > 0;
    tokens.forEach((token) => {
      const tr = document.createElement('tr');
      tr.dataset.id = token.id;
      tr.append(cell(token.name), cell(token.scopes.join(' ')), cell(when(token.createdAt)), cell(when(token.lastUsedAt)));
      const actions = document.createElement('td');
      actions.className = 'actions';
      if (token.revokedAt) {
        actions.textContent = 'revoked';
        actions.classList.add('muted');
      } else {
        const revoke = document.createElement('button');
        revoke.type = 'button';
        revoke.className = 'button small danger';
        revoke.textContent = 'Revoke';
        revoke.setAttribute('aria-label', 'Revoke ' + token.name);
        revoke.addEventListener('click', async () => {
          if (!window.confirm('Revoke "' + token.name + '"? Whatever uses it stops working at once.')) return;
          try {
            await api('DELETE', '/api/tokens/' + encodeURIComponent(token.id));
            toast('Revoked.');
            load();
          } catch (err) { toast(err.message, true); }
        });
        actions.append(revoke);
      }
      tr.append(actions);
      body.append(tr);
    });
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = document.getElementById('token-name');
    const scopes = Array.from(form.querySelectorAll('input[name=scope]:checked')).map((c) => c.value);
    try {
      const token = await api('POST', '/api/tokens', { name: name.value.trim(), scopes });
      value.textContent = token.token;
      created.hidden = false;
      name.value = '';
      load();
    } catch (err) { toast(err.message, true); }
  });

  document.getElementById('copy-token').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value.textContent);
      toast('Copied.');
    } catch (err) {
      // Without clipboard access (plain http), select it for the user to copy.
      const range = document.createRange();
      range.selectNodeContents(value);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      toast('Press Ctrl+C to copy the selected token.');
    }
  });

  load();
})();
