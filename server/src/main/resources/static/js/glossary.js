// The organisation's glossary page.
'use strict';

(function () {
  const count = document.getElementById('term-count');
  const loading = document.getElementById('terms-loading');
  window.TermList({
    url: '/api/glossary',
    list: document.getElementById('terms'),
    empty: document.getElementById('terms-empty'),
    form: document.getElementById('add-term'),
    input: document.getElementById('new-term'),
    error: document.getElementById('term-error'),
    onLoad: (terms) => {
      loading.hidden = true;
      count.textContent = terms.length === 1 ? '1 term' : terms.length > 0 ? terms.length + ' terms' : '';
    },
  });
})();
