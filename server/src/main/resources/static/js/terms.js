// A list of glossary terms to add to and delete from: the organisation's on the glossary page,
// a meeting's own on its page. Term texts go into the page with textContent only.
'use strict';

window.TermList = function (options) {
  const { api, toast } = window.Verbatim;
  const { url, list, empty, form, input, error, onLoad } = options;

  function render(terms) {
    list.replaceChildren(...terms.map((term) => {
      const li = document.createElement('li');
      li.className = 'term';
      li.dataset.id = term.id;
      const text = document.createElement('span');
      text.className = 'term-text';
      text.textContent = term.text;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'icon-button delete-term';
      remove.setAttribute('aria-label', 'Delete term ' + term.text);
      remove.title = 'Delete';
      remove.textContent = '×';
      li.append(text, remove);
      return li;
    }));
    empty.hidden = terms.length > 0;
    if (onLoad) onLoad(terms);
  }

  async function load() {
    try {
      render(await api('GET', url));
    } catch (err) {
      toast(err.message, true);
    }
  }

  function showError(message) {
    error.textContent = message || '';
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  list.addEventListener('click', async (e) => {
    const button = e.target instanceof Element && e.target.closest('.delete-term');
    if (!button) return;
    const item = button.closest('.term');
    try {
      await api('DELETE', url + '/' + encodeURIComponent(item.dataset.id));
      toast('Term deleted.');
      await load();
    } catch (err) {
      toast(err.message, true);
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    try {
      await api('POST', url, { text });
      input.value = '';
      showError('');
      toast('Term added.');
      await load();
    } catch (err) {
      // The server says why a term cannot be one (too many words, too long): show it by the field.
      showError(err.message);
      input.focus();
    }
  });
  input.addEventListener('input', () => { if (!error.hidden) showError(''); });

  load();
  return { load };
};
