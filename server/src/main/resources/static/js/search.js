// Completions for the search box: speaker names and keywords from meetings this person may see.
(() => {
  const input = document.getElementById('search-q');
  const list = document.getElementById('search-suggestions');
  if (!input || !list) return;
  let timer = 0;
  let asked = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  async function suggest() {
    // Complete the last word typed, keeping any field prefix such as speaker:.
    const words = input.value.split(/\s+/);
    const last = words[words.length - 1].replace(/^-/, '');
    const prefix = last.includes(':') ? last.slice(0, last.indexOf(':') + 1) : '';
    const partial = last.slice(prefix.length).replace(/^"/, '');
    if (partial.length < 2 || partial === asked) return;
    asked = partial;
    try {
      const response = await fetch('/api/search/suggestions?limit=8&q=' + encodeURIComponent(partial),
        { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const suggestions = await response.json();
      const head = words.slice(0, -1).join(' ');
      list.replaceChildren(...suggestions.map((s) => {
        const option = document.createElement('option');
        const text = s.text.includes(' ') ? '"' + s.text + '"' : s.text;
        const field = s.kind === 'speaker' && !prefix ? 'speaker:' : prefix;
        option.value = (head ? head + ' ' : '') + field + text;
        option.label = (s.kind === 'speaker' ? 'Speaker' : 'Keyword') + ' · ' + s.count;
        return option;
      }));
    } catch (e) {
      // Completions are a convenience: without them the search box still works.
    }
  }
})();
