// The report's script. It reads the JSON blocks written by
// src/report/html.rs and builds the page with DOM nodes and text only
// (never by parsing HTML strings), so article text cannot become markup.
'use strict';
(() => {
  const started = performance.now();
  const root = document.documentElement;
  const byId = (id) => document.getElementById(id);
  const CHUNK = 200;

  // h('td', {class: 'x', title: 't', data: {fact: 1}, onclick: f}, 'text', node, [more])
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'data') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== undefined && child !== null && child !== false) node.append(child);
    }
    return node;
  }
  const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many || one + 's'}`;
  const badge = (text, kind) => h('span', { class: `badge ${kind}` }, text);
  const day = (published) => (published ? published.slice(0, 10) : null);

  const index = JSON.parse(byId('wd-index').textContent);
  const SOURCES = index.sources;
  const stories = index.stories.map((s, i) => ({
    i, id: s[0], label: s[1], articles: s[2], sources: s[3], facts: s[4], conflicts: s[5], reprints: s[6],
  }));
  const position = new Map(stories.map((s) => [s.id, s.i]));
  const blocks = new Map();
  const block = (i) => {
    if (!blocks.has(i)) blocks.set(i, JSON.parse(byId(`wd-s${i}`).textContent));
    return blocks.get(i);
  };

  const sum = index.summary;
  byId('summary').textContent = [
    plural(sum.articles, 'article'), plural(sum.stories, 'story', 'stories'),
    `${plural(sum.compared, 'story', 'stories')} with two or more sources compared`,
    `${plural(sum.facts, 'fact')} aligned`, `${plural(sum.conflicts, 'conflict')}`,
  ].join(' · ') + (sum.skipped ? ` · ${plural(sum.skipped, 'record')} skipped` : '') + ` · ${index.tool}`;

  // ---- The story list: filtered, sorted, rendered a chunk at a time. ----
  const list = byId('list');
  const more = byId('more');
  let shown = [];
  let rendered = 0;
  let current = null;
  let lowered = null;

  const ORDER = {
    order: null,
    sources: (a, b) => b.sources.length - a.sources.length || a.i - b.i,
    conflicts: (a, b) => b.conflicts - a.conflicts || a.i - b.i,
    articles: (a, b) => b.articles - a.articles || a.i - b.i,
    label: (a, b) => a.label.localeCompare(b.label) || a.i - b.i,
  };

  function applyFilters() {
    const query = byId('filter').value.trim().toLowerCase();
    const source = byId('source').value.trim().toLowerCase();
    const conflictsOnly = byId('only-conflicts').checked;
    const copiesOnly = byId('only-copies').checked;
    if (query && !lowered) lowered = stories.map((s) => `${s.label}\n${s.id}`.toLowerCase());
    let matching = null;
    if (source) {
      matching = new Set();
      SOURCES.forEach((name, k) => { if (name.toLowerCase().includes(source)) matching.add(k); });
    }
    shown = stories.filter((s) => (!query || lowered[s.i].includes(query))
      && (!matching || s.sources.some((k) => matching.has(k)))
      && (!conflictsOnly || s.conflicts > 0)
      && (!copiesOnly || s.reprints > 0));
    const order = ORDER[byId('sort').value];
    if (order) shown.sort(order);
    list.replaceChildren();
    rendered = 0;
    renderMore();
  }

  function renderMore() {
    const end = Math.min(shown.length, rendered + CHUNK);
    const rows = [];
    for (; rendered < end; rendered++) rows.push(storyRow(shown[rendered]));
    list.append(...rows);
    byId('count').textContent = shown.length === stories.length
      ? plural(stories.length, 'story', 'stories')
      : `${shown.length.toLocaleString('en')} of ${plural(stories.length, 'story', 'stories')}`;
    more.hidden = rendered >= shown.length;
    more.textContent = `Show more (${(shown.length - rendered).toLocaleString('en')} left)`;
  }

  function storyRow(s) {
    return h('li', { data: { story: s.id }, class: s.id === current ? 'current' : null },
      h('a', { href: `#story=${encodeURIComponent(s.id)}` },
        h('span', { class: 'label' }, s.label || s.id),
        h('span', { class: 'meta' },
          `${plural(s.sources.length, 'source')} · ${plural(s.articles, 'article')}`,
          s.conflicts ? badge(plural(s.conflicts, 'conflict'), 'bad') : null,
          s.reprints ? badge(plural(s.reprints, 'reprint'), 'copy') : null)));
  }

  more.addEventListener('click', renderMore);
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && rendered < shown.length) renderMore();
    }, { root: byId('stories'), rootMargin: '400px' }).observe(more);
  }
  let typing = null;
  for (const id of ['filter', 'source']) {
    byId(id).addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(applyFilters, 120); });
  }
  for (const id of ['sort', 'only-conflicts', 'only-copies']) byId(id).addEventListener('change', applyFilters);
  byId('source').addEventListener('focus', () => {
    const names = byId('source-names');
    if (!names.childElementCount) names.append(...SOURCES.map((n) => h('option', { value: n })));
  }, { once: true });

  // ---- One story, rendered when opened. ----
  const main = byId('story');

  function openStory(id) {
    const t = performance.now();
    const i = position.get(id);
    if (i === undefined) {
      main.replaceChildren(h('p', { class: 'hint' }, 'No story with id ', h('code', null, id), '.'));
      return;
    }
    const s = stories[i];
    main.replaceChildren(...storyView(s, block(i)));
    main.scrollTop = 0;
    void main.scrollHeight; // lay it out, so the time below includes layout
    current = id;
    for (const li of list.querySelectorAll('li.current')) li.classList.remove('current');
    for (const li of list.children) if (li.dataset.story === id) li.classList.add('current');
    document.title = `${s.label} · wirediff compare`;
    root.dataset.story = id;
    root.dataset.storyMs = (performance.now() - t).toFixed(1);
  }

  const SECTIONS = [['facts', 'Facts by source'], ['missing', 'Missing from'], ['conflicts', 'Conflicts and updates'],
    ['quoted', 'Who is quoted'], ['copies', 'Wire copies']];
  const section = (key, ...body) => h('section', { id: `section-${key}` },
    h('h3', null, SECTIONS.find(([k]) => k === key)[1]), body);
  const clip = (text, n) => (text.length > n ? `${text.slice(0, n)}…` : text);

  function storyView(s, d) {
    const parts = {
      facts: matrix(d),
      missing: d.miss.length ? missing(d) : null,
      conflicts: d.conf.length ? conflicts(d) : null,
      quoted: quoted(d),
      copies: d.wire.length ? d.wire.map((w) => wire(d, w)) : null,
    };
    const present = SECTIONS.filter(([key]) => parts[key]);
    return [
      h('header', { class: 'story-head' },
        h('h2', null, s.label || s.id),
        h('p', { class: 'muted' }, h('code', null, s.id), ' · ', plural(d.src.length, 'source'), ' · ',
          plural(s.articles, 'article'), ' · ', plural(d.facts.length, 'fact'), ' · ',
          plural(d.conf.length, 'conflict'), ' · ', plural(s.reprints, 'reprint')),
        h('p', { class: 'jump' }, present.map(([key, title]) => h('button', {
          type: 'button', onclick: () => byId(`section-${key}`).scrollIntoView(),
        }, title)))),
      ...present.map(([key]) => section(key, parts[key])),
    ];
  }

  function matrix(d) {
    if (!d.facts.length) return h('p', { class: 'hint' }, 'No counts or quotes were found in these articles.');
    const panel = h('div', { class: 'evidence', 'aria-live': 'polite' },
      h('p', { class: 'hint' }, 'Hover over a cell for its evidence; click it to show the evidence here.'));
    let selected = null;
    const select = (td, fact, cell, column) => {
      if (selected) selected.classList.remove('selected');
      selected = td;
      td.classList.add('selected');
      panel.replaceChildren(...evidence(d, fact, cell, column));
      // The address now links to this evidence (without a new history entry).
      const here = new URLSearchParams({ story: current, fact: td.dataset.fact, source: td.dataset.source });
      history.replaceState(null, '', `#${here}`);
    };
    const head = h('tr', null, h('th', { class: 'fact', scope: 'col' }, 'Fact'),
      d.src.map((src) => h('th', { scope: 'col' }, src.n, src.p ? h('small', null, day(src.p)) : null)));
    const rows = d.facts.map((fact, f) => h('tr', null,
      h('th', { class: 'fact', scope: 'row' }, fact.l,
        fact.u ? badge('update', 'warn') : fact.c ? badge('conflict', 'bad') : null),
      fact.cells.map((cell, column) => {
        const source = d.src[column].n;
        if (!cell) {
          return h('td', { class: 'cell omitted', data: { fact: f, source }, title: `${source} does not report this` }, '—');
        }
        const [state, value, , article, sentence, , , rule] = cell;
        const mark = ['', '✓', '≠', '↑'][state];
        const td = h('td', {
          class: `cell ${['', 'reported', 'conflicting', 'update'][state]}`,
          data: { fact: f, source },
          title: `${d.sent[sentence]}\n\n${rule} · ${d.art[article][0]}`,
          tabindex: 0,
        }, value ? `${mark} ${value}` : mark);
        td.addEventListener('click', () => select(td, fact, cell, column));
        td.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(td, fact, cell, column); }
        });
        return td;
      })));
    return [h('div', { class: 'matrix-wrap' },
      h('table', { class: 'matrix' }, h('thead', null, head), h('tbody', null, rows))),
    h('p', { class: 'legend muted' }, '✓ reported · — left out · ≠ a value other sources contradict · ↑ an earlier figure a later report raised · ',
      badge('update', 'warn'), ' a toll that rises with publication time'),
    panel];
  }

  function evidence(d, fact, cell, column) {
    const [state, value, detail, article, sentence, from, to, rule] = cell;
    const text = d.sent[sentence];
    const art = d.art[article];
    const row = (term, ...def) => [h('dt', null, term), h('dd', null, def)];
    return [
      h('h4', null, fact.l, ' — ', d.src[column].n,
        state === 2 ? badge('conflicting', 'bad') : state === 3 ? badge('earlier figure, later raised', 'warn') : null),
      h('blockquote', null, text.slice(0, from), h('mark', null, text.slice(from, to)), text.slice(to)),
      h('dl', null,
        value ? row('Value', value) : null,
        row('As written', detail),
        row('Article', h('code', null, art[0]), art[3] ? ` ${art[3]}` : ''),
        row('Published', art[2] || 'unknown'),
        row('Rule', h('code', null, rule))),
    ];
  }

  function missing(d) {
    return h('ul', { class: 'missing' }, d.miss.map(([column, facts]) => h('li', null,
      h('strong', null, d.src[column].n), ' leaves out ',
      facts.map((f, k) => [k ? ', ' : '', d.facts[f].l,
        h('span', { class: 'muted' }, ` (${d.facts[f].n} of ${d.src.length})`)]))));
  }

  function conflicts(d) {
    return h('table', { class: 'list' },
      h('thead', null, h('tr', null, ['Fact', 'Values', 'Consensus', 'First reported'].map((t) => h('th', null, t)))),
      h('tbody', null, d.conf.map((f) => {
        const fact = d.facts[f];
        return h('tr', null,
          h('td', null, fact.l, ' ', fact.u ? badge('update', 'warn') : badge('conflict', 'bad')),
          h('td', null, fact.t
            // An update is told in time: published order, with the times.
            ? fact.t.map(([column, time], k) => [k ? ' → ' : '',
              h('span', { class: 'value' }, d.src[column].n, ' ', h('b', null, fact.cells[column][1]),
                h('span', { class: 'muted' }, ` (${time})`))])
            : fact.cells.map((cell, column) => (cell
              ? h('span', { class: `value ${cell[0] === 2 ? 'bad' : ''}` }, d.src[column].n, ' ', h('b', null, cell[1]))
              : null))),
          h('td', null, fact.cons ? [h('b', null, fact.cons[0]), ' ', h('code', null, fact.cons[1])] : '—'),
          h('td', null, fact.first[0], fact.first[1] ? ` (${day(fact.first[1])})` : ''));
      })));
  }

  function quoted(d) {
    return h('table', { class: 'list quoted' },
      h('thead', null, h('tr', null, ['Source', 'Articles', 'Named', 'Anonymous'].map((t) => h('th', null, t)))),
      h('tbody', null, d.src.map((src, column) => {
        const named = src.q.filter((q) => !q[1]);
        const anonymous = src.q.filter((q) => q[1]);
        const speakers = (qs) => (qs.length
          ? h('ul', { class: 'speakers' }, qs.map(([label, , n]) => h('li', null, label, h('span', { class: 'muted' }, ` ×${n}`))))
          : h('span', { class: 'muted' }, 'none'));
        const quotes = (qs) => qs.reduce((n, q) => n + q[2], 0);
        return h('tr', null,
          h('th', { scope: 'row' }, src.n, src.p ? h('small', null, day(src.p)) : null),
          h('td', null, d.art.filter((a) => a[1] === column).map((a) => h('div', null, h('code', null, a[0]), a[3] ? ` ${a[3]}` : ''))),
          h('td', null, h('div', { class: 'muted' }, `${plural(named.length, 'speaker')}, ${plural(quotes(named), 'quote')}`), speakers(named)),
          h('td', null, h('div', { class: 'muted' }, `${plural(anonymous.length, 'speaker')}, ${plural(quotes(anonymous), 'quote')}`), speakers(anonymous)));
      })));
  }

  function wire(d, w) {
    const origin = d.art[w.o];
    const originSource = origin[1] === null ? '' : d.src[origin[1]].n;
    return h('div', { class: 'wire' },
      h('p', null, 'Origin ', h('code', null, origin[0]), ` (${originSource}${origin[2] ? `, ${origin[2]}` : ''})`,
        origin[3] ? [': ', h('i', null, origin[3])] : ''),
      w.cr.length ? h('ul', { class: 'credits' }, w.cr.map(([a, before, credit, after]) => h('li', null,
        h('code', null, d.art[a][0]), ' ', h('span', { class: 'muted' }, '…'), before, h('mark', null, credit), after,
        h('span', { class: 'muted' }, '…')))) : null,
      w.r.map((r, k) => reprint(d, origin, r, k === 0)));
  }

  function reprint(d, origin, r, open) {
    const art = d.art[r.a];
    const source = art[1] === null ? '' : d.src[art[1]].n;
    return h('details', { class: 'reprint', open, data: { article: art[0] } },
      h('summary', null, h('code', null, art[0]), ` (${source}) `,
        badge(`−${r.rem} words`, 'bad'), badge(`+${r.add} words`, 'ok'), h('span', { class: 'muted' }, ` ${r.kept} kept`),
        r.num.length ? badge(plural(r.num.length, 'number'), 'warn') : null,
        r.quo.length ? badge(plural(r.quo.length, 'quote') + ' changed', 'warn') : null),
      r.num.length || r.quo.length ? h('ul', { class: 'changes' },
        r.num.map(([a, b]) => h('li', null, 'Number changed: ', h('del', { class: 'removed' }, a), ' → ', h('ins', { class: 'added' }, b))),
        r.quo.map(([a, b]) => h('li', null, 'Quote changed: ', h('del', { class: 'removed', title: a }, clip(a, 160)), ' → ',
          h('ins', { class: 'added', title: b }, clip(b, 160))))) : null,
      h('table', { class: 'diff' },
        h('thead', null, h('tr', null, h('th', null, 'Origin ', h('code', null, origin[0])), h('th', null, 'Reprint ', h('code', null, art[0])))),
        h('tbody', null, diffRows(r.d))));
  }

  // Side by side: kept text on both sides (long runs folded), and each
  // change as one row: removed words on the left, added on the right.
  function diffRows(runs) {
    const rows = [];
    let left = [];
    let right = [];
    const flush = () => {
      if (left.length || right.length) rows.push(h('tr', { class: 'change' }, h('td', null, left), h('td', null, right)));
      left = [];
      right = [];
    };
    for (const [tag, text] of runs) {
      if (tag === 1) left.push(h('del', { class: 'removed' }, text));
      else if (tag === 2) right.push(h('ins', { class: 'added' }, text));
      else { flush(); rows.push(...keptRows(text)); }
    }
    flush();
    return rows;
  }

  const FOLD = 30;
  function keptRows(text) {
    const tokens = text.split(/(\s+)/);
    const wordAt = [];
    tokens.forEach((t, k) => { if (t && !/^\s+$/.test(t)) wordAt.push(k); });
    const words = wordAt.length;
    const same = (t) => h('tr', { class: 'same' }, h('td', null, t), h('td', null, t));
    if (words <= 3 * FOLD) return [same(text)];
    // The first and last FOLD words stay; the words between fold away.
    const head = tokens.slice(0, wordAt[FOLD]).join('');
    const tail = tokens.slice(wordAt[words - FOLD]).join('');
    const rows = [same(head), null, same(tail)];
    rows[1] = h('tr', { class: 'fold' }, h('td', { colspan: 2 }, h('button', {
      type: 'button',
      onclick: () => { const full = same(text); rows[0].replaceWith(full); rows[1].remove(); rows[2].remove(); },
    }, `⋯ ${words - 2 * FOLD} unchanged words ⋯`)));
    return rows;
  }

  // ---- Start: the list, then the story in the address (or the first). ----
  // #story=<id>, optionally with &section=<facts|missing|conflicts|quoted|copies>
  // or &fact=<index>&source=<name> (that cell's evidence, as a click shows it).
  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const id = params.get('story');
    if (id === null) return false;
    openStory(id);
    const fact = params.get('fact');
    const source = params.get('source');
    const cell = [...main.querySelectorAll('td.cell')]
      .find((td) => td.dataset.fact === fact && td.dataset.source === source);
    if (cell) {
      cell.click();
      cell.scrollIntoView({ block: 'center' });
    }
    const target = params.get('section') && byId(`section-${params.get('section')}`);
    if (target) target.scrollIntoView();
    return true;
  }
  window.addEventListener('hashchange', fromHash);
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement === document.body) { e.preventDefault(); byId('filter').focus(); }
  });
  applyFilters();
  void list.offsetHeight; // lay the list out before taking the time
  root.dataset.readyMs = performance.now().toFixed(1);
  root.dataset.scriptMs = (performance.now() - started).toFixed(1);
  if (!fromHash() && stories.length) openStory(stories[0].id);
  if (!stories.length) main.replaceChildren(h('p', { class: 'hint' }, 'No story has two or more sources to compare.'));
  window.addEventListener('load', () => {
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) {
      root.dataset.domInteractiveMs = nav.domInteractive.toFixed(1);
      root.dataset.loadMs = nav.loadEventStart.toFixed(1);
    }
  });
})();
