// The webhooks page: create a subscription (its secret is shown once), pause, resume or delete
// one, replay a delivery. The tables are the server's; after a change the page loads again.
'use strict';

(function () {
  const { api, toast } = window.Verbatim;
  const form = document.getElementById('webhook-form');

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = document.getElementById('webhook-url');
    const description = document.getElementById('webhook-description');
    const events = Array.from(form.querySelectorAll('input[name=event]:checked')).map((c) => c.value);
    try {
      const created = await api('POST', '/api/webhooks', {
        url: url.value.trim(), description: description.value.trim() || null, events,
      });
      document.getElementById('webhook-secret').textContent = created.secret;
      document.getElementById('webhook-created').hidden = false;
      url.value = '';
      description.value = '';
      toast('Created. Copy the secret before you leave the page.');
    } catch (err) { toast(err.message, true); }
  });

  document.querySelectorAll('#webhooks tr[data-id]').forEach((row) => {
    const id = row.dataset.id;
    const toggle = row.querySelector('.webhook-toggle');
    toggle.addEventListener('click', async () => {
      try {
        await api('PATCH', '/api/webhooks/' + encodeURIComponent(id), { active: toggle.dataset.active !== 'true' });
        window.location.reload();
      } catch (err) { toast(err.message, true); }
    });
    row.querySelector('.webhook-delete').addEventListener('click', async () => {
      if (!window.confirm('Delete this subscription and its delivery log? Nothing more is sent to it.')) return;
      try {
        await api('DELETE', '/api/webhooks/' + encodeURIComponent(id));
        window.location.reload();
      } catch (err) { toast(err.message, true); }
    });
  });

  document.querySelectorAll('#deliveries tr[data-id]').forEach((row) => {
    row.querySelector('.delivery-replay').addEventListener('click', async () => {
      try {
        await api('POST', '/api/webhooks/deliveries/' + encodeURIComponent(row.dataset.id) + '/replay');
        toast('Queued again; it is sent within seconds.');
        setTimeout(() => window.location.reload(), 1500);
      } catch (err) { toast(err.message, true); }
    });
  });
})();
