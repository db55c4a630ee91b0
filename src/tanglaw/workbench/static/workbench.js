/*
 * Tanglaw analyst workbench: browser-side behaviour.
 *
 * Plain ES2017, no build step. Load it after the vendored scripts:
 *   <script src="/static/vendor/htmx.min.js" defer></script>
 *   <script src="/static/vendor/cytoscape.min.js" defer></script>
 *   <script src="/static/vendor/chart.umd.min.js" defer></script>
 *   <script src="/static/workbench.js" defer></script>
 *
 * Works under: Content-Security-Policy: default-src 'self'; style-src 'self' 'unsafe-inline';
 * img-src 'self' data:  -- no inline script, no eval. The server hands data over in
 * <script type="application/json" id="network-data"> / id="timeline-data"> elements, which this
 * file reads with JSON.parse. Strings from the data are only ever used as text (cytoscape and
 * Chart.js draw them on a canvas; anything in the DOM goes through textContent), never as HTML.
 *
 * What it does, on DOMContentLoaded and after every htmx swap (htmx:afterSettle):
 *   - htmx hardening (allowEval off, no injected indicator <style>, no page snapshots in
 *     sessionStorage) and the X-CSRF-Token
 *     header on every htmx request, read from <meta name="csrf-token" content="...">;
 *   - #network + #network-data -> a cytoscape graph (controls in #network-controls, a legend in
 *     #network-legend, a status line after the graph), a tap on a person loads
 *     #network[data-member-url] (with __ID__ replaced) into #member-panel through htmx.ajax;
 *   - #timeline (a canvas) + #timeline-data -> a Chart.js bar/line chart.
 *
 * #network-data: {"nodes": [{"id": "E:ent-1", "label": "Ana Cruz", "role": "facilitator",
 *                            "household": "H1" or null, "country": "PH", "score": 0.83,
 *                            "n_accounts": 2}],
 *                 "households": [{"id": "H1", "label": "household 1 (Cruz)"}],
 *                 "edges": [{"source": "E:ent-2", "target": "E:ent-1", "kind": "payment",
 *                            "n": 12, "amount_usd": 1234.5}]}
 *   role: facilitator | host | collector | victim | payer | other (anything else is drawn as other);
 *   kind: payment (solid, arrow to target) | session (dashed) | link (dotted; anything else too);
 *   score 0..1 (size); n >= 0 (width ~ log n); a household named by a node but not listed is drawn
 *   with its id as label; duplicate ids and edges to unknown ids are skipped with a console warning.
 * #timeline-data: {"days": ["2026-01-03", ...], "payments_usd": [...], "payments_n": [...],
 *                  "sessions_n": [...]} (the three lists as long as "days").
 * Optional elements: #network[data-member-url] (a URL with __ID__), #member-panel,
 * #network-controls (buttons are put in it), #network-legend (a legend is put in it),
 * #network-status (a status line; created after #network if missing). After drawing, #network
 * carries data-layout-ms and data-render-ms (time to the first frame) and fires
 * "workbench:network-ready"; its cytoscape instance is #network.__tanglawCy (tests, console).
 * JSON inside <script> must have "<" escaped (as \u003c), as Jinja's |tojson does.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // htmx: configuration and the CSRF header
  // ---------------------------------------------------------------------------------------------

  function configureHtmx() {
    if (!window.htmx || !window.htmx.config) return;
    var cfg = window.htmx.config;
    cfg.allowEval = false;         // no hx-on / js: / eval-based features (CSP forbids them anyway)
    cfg.historyCacheSize = 0;      // keep case pages out of sessionStorage
    cfg.selfRequestsOnly = true;   // the default in htmx 2; stated so nobody turns it off by accident
    cfg.includeIndicatorStyles = false; // no injected <style>: workbench.css styles .htmx-indicator
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  var htmxListenersAdded = false;
  function addHtmxListeners() {
    if (htmxListenersAdded) return;
    htmxListenersAdded = true;
    document.addEventListener('htmx:configRequest', function (evt) {
      var token = csrfToken();
      if (token && evt.detail && evt.detail.headers) {
        evt.detail.headers['X-CSRF-Token'] = token;
      }
    });
    document.addEventListener('htmx:afterSettle', function () {
      initAll();
    });
  }

  // Set the configuration as soon as this (deferred) script runs, before htmx processes the page
  // on DOMContentLoaded, and again on every pass.
  configureHtmx();
  addHtmxListeners();

  // ---------------------------------------------------------------------------------------------
  // small helpers
  // ---------------------------------------------------------------------------------------------

  function readJson(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try {
      return { el: el, text: el.textContent, value: JSON.parse(el.textContent) };
    } catch (e) {
      console.error('workbench: #' + id + ' does not hold valid JSON: ' + e.message);
      return { el: el, text: el.textContent, value: null };
    }
  }

  function num(x, fallback) {
    var v = typeof x === 'number' ? x : parseFloat(x);
    return isFinite(v) ? v : fallback;
  }

  function str(x) {
    return x === null || x === undefined ? '' : String(x);
  }

  function makeButton(text, title, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'net-btn';
    b.textContent = text;
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', onClick);
    return b;
  }

  var usd = (function () {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    } catch (e) {
      return { format: function (v) { return '$' + Number(v).toFixed(2); } };
    }
  })();

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  }

  // ---------------------------------------------------------------------------------------------
  // network (cytoscape)
  // ---------------------------------------------------------------------------------------------

  // Okabe-Ito colours; the shape repeats the role so colour is never the only cue.
  var ROLES = {
    facilitator: { color: '#D55E00', shape: 'diamond', text: 'facilitator', ring: 0 },
    host: { color: '#E69F00', shape: 'hexagon', text: 'host', ring: 1 },
    collector: { color: '#CC79A7', shape: 'round-triangle', text: 'collector', ring: 2 },
    victim: { color: '#009E73', shape: 'octagon', text: 'victim', ring: 3 },
    other: { color: '#999999', shape: 'ellipse', text: 'other', ring: 4 },
    payer: { color: '#0072B2', shape: 'ellipse', text: 'payer', ring: 5 }
  };
  var ROLE_ORDER = ['facilitator', 'host', 'collector', 'victim', 'payer', 'other'];
  var EDGE_KINDS = {
    payment: { color: '#4A5562', style: 'solid', arrow: 'triangle', text: 'payment (arrow: to whom)' },
    session: { color: '#7A4E8C', style: 'dashed', arrow: 'none', text: 'live session' },
    link: { color: '#6B7785', style: 'dotted', arrow: 'none', text: 'same person / household evidence' }
  };
  var COSE_MAX_NODES = 150;
  var HH_PREFIX = 'household::';

  function roleOf(r) {
    var k = str(r).toLowerCase();
    return Object.prototype.hasOwnProperty.call(ROLES, k) ? k : 'other';
  }

  // JSON -> cytoscape elements. Drops (with a warning) what cytoscape would throw on: duplicate
  // ids, edges whose ends are not nodes.
  function buildElements(data) {
    var nodes = Array.isArray(data.nodes) ? data.nodes : [];
    var households = Array.isArray(data.households) ? data.households : [];
    var edges = Array.isArray(data.edges) ? data.edges : [];
    var els = [];
    var seen = Object.create(null);
    var hh = Object.create(null);
    var hhCount = 0;
    var dropped = 0;
    var stats = { people: 0, households: 0, edges: 0 };

    households.forEach(function (h) {
      if (!h || h.id === null || h.id === undefined) return;
      var id = str(h.id);
      if (hh[id]) return;
      hh[id] = { id: HH_PREFIX + id, label: str(h.label) || id, used: false };
    });

    var people = [];
    nodes.forEach(function (n) {
      if (!n || n.id === null || n.id === undefined) { dropped++; return; }
      var id = str(n.id);
      if (seen[id] || id.indexOf(HH_PREFIX) === 0) { dropped++; return; }
      seen[id] = true;
      var role = roleOf(n.role);
      var score = Math.max(0, Math.min(1, num(n.score, 0)));
      var d = {
        id: id,
        label: str(n.label) || id,
        role: role,
        country: str(n.country),
        score: score,
        n_accounts: num(n.n_accounts, 0),
        size: Math.round(16 + 30 * score),
        fontSize: Math.round(10 + 6 * score),
        kind: 'person'
      };
      if (n.household !== null && n.household !== undefined && str(n.household) !== '') {
        var hid = str(n.household);
        if (!hh[hid]) hh[hid] = { id: HH_PREFIX + hid, label: hid, used: false };
        hh[hid].used = true;
        d.parent = hh[hid].id;
        d.household = hid;
      }
      people.push({ group: 'nodes', data: d, classes: 'person role-' + role });
    });

    Object.keys(hh).forEach(function (k) {
      if (!hh[k].used) return; // an empty compound node would be a stray labelled dot
      hhCount++;
      els.push({ group: 'nodes', data: { id: hh[k].id, label: hh[k].label, kind: 'household', hid: k, lw: 200 }, classes: 'household' });
    });
    els = els.concat(people);

    var eCount = 0;
    edges.forEach(function (e, i) {
      if (!e) { dropped++; return; }
      var s = str(e.source), t = str(e.target);
      if (!seen[s] || !seen[t]) { dropped++; return; }
      var kind = Object.prototype.hasOwnProperty.call(EDGE_KINDS, str(e.kind)) ? str(e.kind) : 'link';
      var n = Math.max(0, num(e.n, 1));
      eCount++;
      els.push({
        group: 'edges',
        data: {
          id: 'edge::' + i,
          source: s,
          target: t,
          kind: kind,
          n: n,
          amount_usd: num(e.amount_usd, null),
          w: Math.min(9, 1 + 1.3 * Math.log(1 + n)),
          wl: Math.min(4, 0.8 + 0.5 * Math.log(1 + n))
        },
        classes: 'kind-' + kind
      });
    });
    if (dropped) console.warn('workbench: ' + dropped + ' network item(s) skipped (missing or duplicate id, or an edge to an unknown node)');
    stats.people = people.length;
    stats.households = hhCount;
    stats.edges = eCount;
    return { elements: els, stats: stats, large: people.length > COSE_MAX_NODES };
  }

  function networkStyle(large) {
    var s = [
      {
        selector: 'node.person',
        style: {
          'label': 'data(label)',
          'width': 'data(size)',
          'height': 'data(size)',
          'font-size': 'data(fontSize)',
          'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
          'color': '#1B1F24',
          'text-valign': 'bottom',
          'text-halign': 'center',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': '120px',
          'text-outline-color': '#FFFFFF',
          'text-outline-width': 2,
          'text-outline-opacity': 0.9,
          'min-zoomed-font-size': 9,
          'border-width': 1.5,
          'border-color': '#FFFFFF',
          'background-color': '#999999',
          'shape': 'ellipse'
        }
      },
      {
        selector: 'node.household',
        style: {
          'label': 'data(label)',
          'shape': 'round-rectangle',
          'background-color': '#E8ECF2',
          'background-opacity': 0.9,
          'border-width': 2,
          'border-style': 'dashed',
          'border-color': '#6B7785',
          'padding': '14px',
          'font-size': 13,
          'font-weight': 'bold',
          'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
          'color': '#374151',
          'text-valign': 'top',
          'text-halign': 'center',
          'text-margin-y': -3,
          'text-wrap': 'ellipsis',
          'text-max-width': 'data(lw)',
          'text-outline-color': '#FFFFFF',
          'text-outline-width': 2,
          'min-zoomed-font-size': 7,
          'compound-sizing-wrt-labels': 'include'
        }
      },
      {
        selector: 'edge',
        style: {
          'width': large ? 'data(wl)' : 'data(w)',
          'line-color': '#4A5562',
          'target-arrow-color': '#4A5562',
          'curve-style': large ? 'straight' : 'bezier',
          'opacity': large ? 0.3 : 0.75,
          'arrow-scale': 0.9
        }
      }
    ];
    Object.keys(ROLES).forEach(function (r) {
      s.push({ selector: 'node.role-' + r, style: { 'background-color': ROLES[r].color, 'shape': ROLES[r].shape } });
    });
    Object.keys(EDGE_KINDS).forEach(function (k) {
      var ek = EDGE_KINDS[k];
      var st = {
        'line-color': ek.color,
        'target-arrow-color': ek.color,
        'line-style': ek.style,
        'target-arrow-shape': ek.arrow
      };
      if (k === 'session') st['line-dash-pattern'] = [7, 4];
      if (k === 'link') st['line-dash-pattern'] = [1, 4];
      s.push({ selector: 'edge.kind-' + k, style: st });
    });
    s.push(
      { selector: '.faded', style: { 'opacity': 0.12, 'text-opacity': 0.15 } },
      { selector: 'node.household.faded', style: { 'opacity': 0.35 } },
      { selector: 'edge.near', style: { 'opacity': 1, 'z-index': 9 } },
      {
        selector: 'node.near',
        style: { 'min-zoomed-font-size': 0, 'z-index': 9 }
      },
      {
        selector: 'node.focus',
        style: {
          'border-width': 4,
          'border-color': '#111111',
          'underlay-color': '#F0E442',
          'underlay-padding': 6,
          'underlay-opacity': 0.9,
          'underlay-shape': 'ellipse',
          'min-zoomed-font-size': 0,
          'font-weight': 'bold',
          'z-index': 10
        }
      },
      { selector: 'node.person.hover', style: { 'border-color': '#111111', 'border-width': 2.5 } }
    );
    return s;
  }

  // ---- layouts ------------------------------------------------------------------------------
  //
  // Both layouts first pack every household into a small grid of its members (most important role
  // first, then highest score), so that a household's box is compact and holds nobody else. Then:
  //   - up to COSE_MAX_NODES people: "cose" (force-directed) on the graph in which each household is
  //     one block, followed by a pass that pushes overlapping blocks apart;
  //   - above that: concentric, computed here: the households in a grid in the middle, everyone else
  //     on rings around them, one band of rings per role from the inside out (facilitator, host,
  //     collector, victim, other, payer: payers outermost), and on each ring in the order of the
  //     direction of the people they are linked to, so that most links run outwards, not across.
  // Both are deterministic for the same data and are applied with cytoscape's "preset" layout.

  var SPX = 100;  // horizontal spacing of people in a household grid (room for a label)
  var SPY = 74;   // vertical spacing
  var ROLE_RANK = { facilitator: 0, host: 1, collector: 2, victim: 3, other: 4, payer: 5 };

  function hashString(t) {
    var h = 2166136261;
    for (var i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return h >>> 0;
  }

  function seededRandom(seed) {
    var a = seed >>> 0;
    return function () { // mulberry32
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function byRoleThenScore(a, b) {
    var d = ROLE_RANK[a.data('role')] - ROLE_RANK[b.data('role')];
    if (d) return d;
    d = b.data('score') - a.data('score');
    return d || (a.id() < b.id() ? -1 : 1);
  }

  function householdBlocks(cy) {
    var blocks = [];
    cy.nodes('node.household').forEach(function (h) {
      var kids = h.children().toArray().sort(byRoleThenScore);
      var cols = Math.max(1, Math.ceil(Math.sqrt(kids.length)));
      var rows = Math.ceil(kids.length / cols);
      h.data('lw', cols * SPX);
      blocks.push({
        node: h, kids: kids, cols: cols, rows: rows,
        w: cols * SPX + 20,
        h: rows * SPY + 44 // room for the household label above the box
      });
    });
    return blocks;
  }

  function placeBlock(pos, b, cx, cy) {
    // the label sits above the box: shift the members down a little inside the block
    b.kids.forEach(function (k, j) {
      var r = Math.floor(j / b.cols), c = j % b.cols;
      var inRow = Math.min(b.cols, b.kids.length - r * b.cols); // centre a short last row
      pos[k.id()] = { x: cx + (c - (inRow - 1) / 2) * SPX, y: cy + 10 + (r - (b.rows - 1) / 2) * SPY };
    });
  }

  // push overlapping rectangles apart (items: {x, y, w, h}); n <= COSE_MAX_NODES, so O(n^2) is fine
  function removeOverlaps(items, gap) {
    for (var iter = 0; iter < 80; iter++) {
      var moved = false;
      for (var i = 0; i < items.length; i++) {
        for (var j = i + 1; j < items.length; j++) {
          var a = items[i], b = items[j];
          var ox = (a.w + b.w) / 2 + gap - Math.abs(a.x - b.x);
          var oy = (a.h + b.h) / 2 + gap - Math.abs(a.y - b.y);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (ox < oy) {
            var sx = (a.x < b.x || (a.x === b.x && i < j)) ? -1 : 1;
            a.x += sx * ox / 2; b.x -= sx * ox / 2;
          } else {
            var sy = (a.y < b.y || (a.y === b.y && i < j)) ? -1 : 1;
            a.y += sy * oy / 2; b.y -= sy * oy / 2;
          }
        }
      }
      if (!moved) return;
    }
  }

  function cosePositions(cy, done) {
    var blocks = householdBlocks(cy);
    var owner = Object.create(null); // person id -> block id in the collapsed graph
    var items = [];
    var rand = seededRandom(hashString(cy.nodes().map(function (n) { return n.id(); }).join('|')));
    var qEls = [];
    var spread = 40 * Math.sqrt(cy.nodes().length + 1);
    blocks.forEach(function (b) {
      var id = b.node.id();
      b.kids.forEach(function (k) { owner[k.id()] = id; });
      var it = { id: id, w: b.w, h: b.h, block: b };
      items.push(it);
      qEls.push({ group: 'nodes', data: { id: id, w: it.w, h: it.h } });
    });
    cy.nodes('node.person').forEach(function (n) {
      if (owner[n.id()]) return;
      owner[n.id()] = n.id();
      var it = { id: n.id(), w: Math.max(n.data('size'), 84), h: n.data('size') + 22 };
      items.push(it);
      qEls.push({ group: 'nodes', data: { id: n.id(), w: it.w, h: it.h } });
    });
    var seenPair = Object.create(null);
    cy.edges().forEach(function (e) {
      var s = owner[e.source().id()], t = owner[e.target().id()];
      if (!s || !t || s === t) return;
      var key = s < t ? s + '\u0000' + t : t + '\u0000' + s;
      if (seenPair[key]) return;
      seenPair[key] = true;
      qEls.push({ group: 'edges', data: { id: 'q' + qEls.length, source: s, target: t } });
    });
    var q = window.cytoscape({
      headless: true,
      styleEnabled: true,
      elements: qEls,
      style: [{ selector: 'node', style: { 'width': 'data(w)', 'height': 'data(h)', 'shape': 'rectangle' } }]
    });
    // seeded start positions, so that the same case is drawn the same way every time (set here:
    // a headless instance ignores positions given with the elements)
    q.batch(function () {
      items.forEach(function (it) { q.getElementById(it.id).position({ x: rand() * spread, y: rand() * spread }); });
    });
    var lay = q.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
      componentSpacing: 50,
      idealEdgeLength: function () { return 50; },
      nodeRepulsion: function (n) { return 2048 + 0.5 * n.data('w') * n.data('h'); },
      nodeOverlap: 10,
      edgeElasticity: function () { return 16; },
      gravity: 4,
      numIter: 1000,
      coolingFactor: 0.97 // ~230 iterations: as good as 1000 here, at a quarter of the time
    });
    lay.one('layoutstop', function () {
      items.forEach(function (it) {
        var p = q.getElementById(it.id).position();
        it.x = p.x; it.y = p.y;
      });
      q.destroy();
      removeOverlaps(items, 16);
      // a force layout has no preferred direction: turn a tall drawing to fit a wide box (and back)
      var x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
      items.forEach(function (it) {
        x1 = Math.min(x1, it.x - it.w / 2); x2 = Math.max(x2, it.x + it.w / 2);
        y1 = Math.min(y1, it.y - it.h / 2); y2 = Math.max(y2, it.y + it.h / 2);
      });
      var boxAspect = cy.width() && cy.height() ? cy.width() / cy.height() : 1.5;
      var drawAspect = (x2 - x1) / Math.max(1, y2 - y1);
      if ((drawAspect < 0.9 && boxAspect > 1.1) || (drawAspect > 1.1 && boxAspect < 0.9)) {
        items.forEach(function (it) { var t = it.x; it.x = it.y; it.y = t; });
        removeOverlaps(items, 16);
      }
      var pos = Object.create(null);
      items.forEach(function (it) {
        if (it.block) placeBlock(pos, it.block, it.x, it.y);
        else pos[it.id] = { x: it.x, y: it.y };
      });
      done(pos);
    });
    lay.run();
  }

  function concentricPositions(cy) {
    var pos = Object.create(null);
    var SP = 50;      // distance between neighbours on a ring
    var RSTEP = 46;   // distance between rings
    var blocks = householdBlocks(cy);
    blocks.sort(function (a, b) { return b.kids.length - a.kids.length || (a.node.id() < b.node.id() ? -1 : 1); });
    var radius0 = 0;
    if (blocks.length) {
      var cw = 0, ch = 0;
      blocks.forEach(function (b) { cw = Math.max(cw, b.w); ch = Math.max(ch, b.h); });
      cw += 24; ch += 16;
      var gcols = Math.ceil(Math.sqrt(blocks.length * ch / cw));
      var grows = Math.ceil(blocks.length / gcols);
      blocks.forEach(function (b, i) {
        placeBlock(pos, b, (i % gcols - (gcols - 1) / 2) * cw, (Math.floor(i / gcols) - (grows - 1) / 2) * ch);
      });
      radius0 = Math.sqrt(Math.pow(gcols * cw, 2) + Math.pow(grows * ch, 2)) / 2 + RSTEP;
    }
    var groups = {};
    cy.nodes('node.person').forEach(function (n) {
      if (n.isChild()) return;
      var r = n.data('role');
      (groups[r] = groups[r] || []).push(n);
    });
    var order = Object.keys(ROLE_RANK).sort(function (a, b) { return ROLE_RANK[a] - ROLE_RANK[b]; });
    var r = radius0;
    order.forEach(function (role) {
      var list = groups[role];
      if (!list || !list.length) return;
      if (r === 0 && list.length === 1) { // nothing in the middle yet: one person goes there
        pos[list[0].id()] = { x: 0, y: 0 };
        r = RSTEP * 1.5;
        return;
      }
      // the direction of each person's already placed neighbours (else a stable pseudo-random one)
      var want = new Map();
      list.forEach(function (n) {
        var sx = 0, sy = 0, k = 0;
        n.neighborhood('node.person').forEach(function (m) {
          var p = pos[m.id()];
          if (p) { sx += p.x; sy += p.y; k++; }
        });
        var a = (k && (sx || sy)) ? Math.atan2(sy, sx) : (hashString(n.id()) % 3600) / 3600 * 2 * Math.PI - Math.PI;
        want.set(n, a);
      });
      list.sort(function (a, b) { return want.get(a) - want.get(b) || byRoleThenScore(a, b); });
      // rings for this role, each with room for 2*pi*r/SP people
      r = Math.max(r, RSTEP);
      var rings = [];
      var room = 0;
      while (room < list.length) {
        var cap = Math.max(1, Math.floor(2 * Math.PI * r / SP));
        rings.push({ r: r, cap: cap, members: [] });
        room += cap;
        r += RSTEP;
      }
      // deal the people (in the order of their direction) out over the rings, keeping every ring
      // equally full, so that each ring holds people from all directions in order
      list.forEach(function (n) {
        var best = 0, bestFill = Infinity;
        rings.forEach(function (ring, k) {
          if (ring.members.length >= ring.cap) return;
          var fill = (ring.members.length + 1) / ring.cap;
          if (fill < bestFill - 1e-9) { bestFill = fill; best = k; }
        });
        rings[best].members.push(n);
      });
      var startAngle = list.length ? want.get(list[0]) : 0;
      rings.forEach(function (ring, k) {
        var m = ring.members.length;
        var off = (k % 2) * Math.PI / Math.max(m, 1); // stagger neighbouring rings
        ring.members.forEach(function (n, j) {
          var a = startAngle + off + 2 * Math.PI * j / m;
          pos[n.id()] = { x: ring.r * Math.cos(a), y: ring.r * Math.sin(a) };
        });
      });
      r += RSTEP * 0.5; // a little gap between roles
    });
    return pos;
  }

  // Fit the people in view. cy.fit() would measure every label first (half a second for 500
  // people); the positions and sizes, plus a margin for labels and household boxes, are enough.
  function fitView(cy, padding) {
    var x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
    cy.nodes('node.person').forEach(function (n) {
      var p = n.position(), r = n.data('size') / 2;
      var hx = n.isChild() ? 34 : 26, top = n.isChild() ? 40 : 6, bottom = n.isChild() ? 30 : 18;
      x1 = Math.min(x1, p.x - r - hx); x2 = Math.max(x2, p.x + r + hx);
      y1 = Math.min(y1, p.y - r - top); y2 = Math.max(y2, p.y + r + bottom);
    });
    if (!isFinite(x1)) return;
    var w = cy.width() - 2 * padding, h = cy.height() - 2 * padding;
    if (w <= 0 || h <= 0) return;
    var z = Math.min(w / Math.max(1, x2 - x1), h / Math.max(1, y2 - y1));
    z = Math.max(cy.minZoom(), Math.min(1.5, z)); // a small case should not be blown up to giant size
    cy.viewport({
      zoom: z,
      pan: { x: cy.width() / 2 - z * (x1 + x2) / 2, y: cy.height() / 2 - z * (y1 + y2) / 2 }
    });
  }

  function runLayout(cy, large, onDone) {
    function apply(pos) {
      var layout = cy.layout({
        name: 'preset',
        positions: function (n) { return pos[n.id()] || { x: 0, y: 0 }; },
        fit: false,
        animate: false
      });
      layout.one('layoutstop', function () {
        fitView(cy, large ? 16 : 24);
        if (onDone) onDone();
      });
      layout.run();
    }
    if (large) apply(concentricPositions(cy));
    else cosePositions(cy, apply);
  }

  var registry = []; // {kind, el, dataEl, text, obj}

  function cleanup() {
    registry = registry.filter(function (r) {
      if (document.body.contains(r.el)) return true;
      try { r.obj.destroy(); } catch (e) { /* already gone */ }
      if (r.extra) r.extra.forEach(function (x) { if (x.parentNode) x.parentNode.removeChild(x); });
      return false;
    });
  }

  function registered(kind, el) {
    for (var i = 0; i < registry.length; i++) {
      if (registry[i].kind === kind && registry[i].el === el) return registry[i];
    }
    return null;
  }

  function describeNode(n) {
    var parts = [n.data('label'), ROLES[n.data('role')].text];
    if (n.data('country')) parts.push(n.data('country'));
    parts.push('score ' + n.data('score').toFixed(2));
    var acc = n.data('n_accounts');
    if (acc) parts.push(acc + (acc === 1 ? ' account' : ' accounts'));
    if (n.data('household')) {
      var p = n.parent();
      parts.push(p && p.length ? p.data('label') : 'household ' + n.data('household'));
    }
    return parts.join(' \u00b7 ');
  }

  function describeEdge(e) {
    var parts = [e.source().data('label') + ' \u2192 ' + e.target().data('label'), e.data('kind')];
    var n = e.data('n');
    if (e.data('kind') === 'payment') {
      parts.push(n + (n === 1 ? ' payment' : ' payments'));
      if (e.data('amount_usd') !== null) parts.push(usd.format(e.data('amount_usd')));
    } else if (e.data('kind') === 'session') {
      parts.push(n + (n === 1 ? ' session' : ' sessions'));
    } else if (n) {
      parts.push(n + (n === 1 ? ' piece of evidence' : ' pieces of evidence'));
    }
    return parts.join(' \u00b7 ');
  }

  function buildLegend(box) {
    while (box.firstChild) box.removeChild(box.firstChild);
    var ul = document.createElement('ul');
    ul.className = 'legend';
    ROLE_ORDER.forEach(function (r) {
      var li = document.createElement('li');
      var sw = document.createElement('span');
      sw.className = 'swatch shape-' + ROLES[r].shape;
      sw.style.backgroundColor = ROLES[r].color;
      sw.setAttribute('aria-hidden', 'true');
      li.appendChild(sw);
      li.appendChild(document.createTextNode(ROLES[r].text));
      ul.appendChild(li);
    });
    Object.keys(EDGE_KINDS).forEach(function (k) {
      var li = document.createElement('li');
      var sw = document.createElement('span');
      sw.className = 'line line-' + EDGE_KINDS[k].style;
      sw.style.borderTopColor = EDGE_KINDS[k].color;
      sw.setAttribute('aria-hidden', 'true');
      li.appendChild(sw);
      li.appendChild(document.createTextNode(EDGE_KINDS[k].text));
      ul.appendChild(li);
    });
    var li = document.createElement('li');
    var sw = document.createElement('span');
    sw.className = 'swatch household-swatch';
    sw.setAttribute('aria-hidden', 'true');
    li.appendChild(sw);
    li.appendChild(document.createTextNode('household'));
    ul.appendChild(li);
    box.appendChild(ul);
  }

  function initNetwork() {
    var el = document.getElementById('network');
    if (!el || typeof window.cytoscape !== 'function') return;
    var data = readJson('network-data');
    if (!data) return;
    var prev = registered('network', el);
    if (prev && prev.dataEl === data.el && prev.text === data.text) return; // unchanged
    if (prev) {
      try { prev.obj.destroy(); } catch (e) { /* ignore */ }
      registry.splice(registry.indexOf(prev), 1);
    }
    if (!data.value || typeof data.value !== 'object') {
      el.textContent = 'The network could not be drawn: its data is unreadable.';
      return;
    }

    var t0 = performance.now();
    var built = buildElements(data.value);
    var stats = built.stats;
    var large = built.large;
    el.setAttribute('role', 'img');
    if (!el.getAttribute('aria-label')) {
      el.setAttribute('aria-label', 'Network graph of ' + stats.people + ' people, ' + stats.households +
        ' households and ' + stats.edges + ' links');
    }

    var cy = window.cytoscape({
      container: el,
      elements: built.elements,
      style: networkStyle(large),
      layout: { name: 'null' },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autounselectify: true,
      hideEdgesOnViewport: stats.people > 300,
      textureOnViewport: false,
      motionBlur: false,
      pixelRatio: 'auto'
    });

    // the status line: counts, or what the pointer is over
    var status = document.getElementById('network-status');
    var created = [];
    if (!status) {
      status = document.createElement('p');
      status.id = 'network-status';
      status.className = 'network-status';
      status.setAttribute('aria-live', 'polite');
      el.insertAdjacentElement('afterend', status);
      created.push(status);
    }
    var summary = stats.people + (stats.people === 1 ? ' person' : ' people') + ' \u00b7 ' +
      stats.households + (stats.households === 1 ? ' household' : ' households') + ' \u00b7 ' +
      stats.edges + (stats.edges === 1 ? ' link' : ' links') +
      (large ? ' \u00b7 concentric layout: households in the middle, payers outside' : '') +
      ' \u00b7 scroll to zoom, drag to pan, tap a person for details';
    var focusText = '';
    status.textContent = summary;
    function showDefault() { status.textContent = focusText || summary; }

    cy.on('mouseover', 'node.person', function (evt) {
      evt.target.addClass('hover');
      status.textContent = describeNode(evt.target);
    });
    cy.on('mouseout', 'node.person', function (evt) { evt.target.removeClass('hover'); showDefault(); });
    cy.on('mouseover', 'edge', function (evt) { status.textContent = describeEdge(evt.target); });
    cy.on('mouseout', 'edge', showDefault);

    function clearFocus() {
      cy.elements().removeClass('faded near focus');
      focusText = '';
      showDefault();
    }

    cy.on('tap', 'node.person', function (evt) {
      var node = evt.target;
      cy.batch(function () {
        cy.elements().removeClass('near focus').addClass('faded');
        var hood = node.closedNeighborhood();
        hood = hood.union(hood.nodes().parents());
        hood.removeClass('faded').addClass('near');
        node.addClass('focus');
      });
      focusText = 'Selected: ' + describeNode(node) + ' \u00b7 ' + (node.degree(false)) + ' link(s)';
      status.textContent = focusText;
      var tmpl = el.getAttribute('data-member-url');
      if (tmpl && window.htmx && document.getElementById('member-panel')) {
        var url = tmpl.split('__ID__').join(encodeURIComponent(node.id()));
        window.htmx.ajax('GET', url, { target: '#member-panel', swap: 'innerHTML' });
      }
    });
    cy.on('tap', function (evt) {
      if (evt.target === cy) clearFocus();
    });

    // controls
    var controls = document.getElementById('network-controls');
    if (controls) {
      while (controls.firstChild) controls.removeChild(controls.firstChild);
      var zoomBy = function (f) {
        var z = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * f));
        cy.zoom({ level: z, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      };
      controls.setAttribute('role', 'toolbar');
      controls.setAttribute('aria-label', 'Network view');
      controls.appendChild(makeButton('Fit', 'Fit the whole network in view', function () { fitView(cy, 20); }));
      controls.appendChild(makeButton('+', 'Zoom in', function () { zoomBy(1.4); }));
      controls.appendChild(makeButton('\u2212', 'Zoom out', function () { zoomBy(1 / 1.4); }));
      controls.appendChild(makeButton('Clear', 'Clear the highlight', clearFocus));
    }
    var legend = document.getElementById('network-legend');
    if (legend) buildLegend(legend);

    var entry = { kind: 'network', el: el, dataEl: data.el, text: data.text, obj: cy, extra: created };
    registry.push(entry);

    // a graph drawn while hidden (or in a box that changes size) is fitted once it has a size
    var fitted = false;
    if (typeof window.ResizeObserver === 'function') {
      var ro = new window.ResizeObserver(function () {
        if (cy.destroyed()) { ro.disconnect(); return; }
        cy.resize();
        if (!fitted && cy.width() > 0 && cy.height() > 0) { fitted = true; fitView(cy, large ? 16 : 24); }
      });
      ro.observe(el);
      cy.one('destroy', function () { ro.disconnect(); });
    }

    runLayout(cy, large, function () {
      fitted = cy.width() > 0 && cy.height() > 0;
      var tLayout = performance.now();
      el.setAttribute('data-layout-ms', String(Math.round(tLayout - t0)));
      // time to the first frame drawn after the layout
      window.requestAnimationFrame(function () {
        window.requestAnimationFrame(function () {
          el.setAttribute('data-render-ms', String(Math.round(performance.now() - t0)));
          el.dispatchEvent(new CustomEvent('workbench:network-ready', { bubbles: true }));
        });
      });
    });
    el.__tanglawCy = cy; // for tests and the console
  }

  // ---------------------------------------------------------------------------------------------
  // timeline (Chart.js)
  // ---------------------------------------------------------------------------------------------

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function shortDay(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(str(iso));
    if (!m) return str(iso);
    return parseInt(m[3], 10) + ' ' + (MONTHS[parseInt(m[2], 10) - 1] || m[2]);
  }

  function initTimeline() {
    var canvas = document.getElementById('timeline');
    if (!canvas || !window.Chart || canvas.tagName !== 'CANVAS') return;
    var data = readJson('timeline-data');
    if (!data) return;
    var prev = registered('timeline', canvas);
    if (prev && prev.dataEl === data.el && prev.text === data.text) return;
    if (prev) {
      try { prev.obj.destroy(); } catch (e) { /* ignore */ }
      registry.splice(registry.indexOf(prev), 1);
    }
    var old = window.Chart.getChart ? window.Chart.getChart(canvas) : null;
    if (old) old.destroy();
    var v = data.value;
    if (!v || !Array.isArray(v.days)) return;

    var days = v.days.map(str);
    var col = function (name) {
      var a = Array.isArray(v[name]) ? v[name] : [];
      return days.map(function (_, i) { return num(a[i], 0); });
    };
    var paidUsd = col('payments_usd');
    var paidN = col('payments_n');
    var sessN = col('sessions_n');

    // Chart.js needs a sized, positioned parent when maintainAspectRatio is false
    var box = canvas.parentNode;
    if (box && box.nodeType === 1) {
      if (window.getComputedStyle(box).position === 'static') box.style.position = 'relative';
      if (!box.clientHeight) box.style.height = '220px';
    }
    if (!canvas.getAttribute('aria-label')) {
      var total = paidUsd.reduce(function (a, b) { return a + b; }, 0);
      var sess = sessN.reduce(function (a, b) { return a + b; }, 0);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', 'Timeline, ' + (days.length ? shortDay(days[0]) + ' to ' + shortDay(days[days.length - 1]) : 'no days') +
        ': ' + usd.format(total) + ' in payments, ' + sess + ' live sessions');
    }

    if (window.Chart.defaults && window.Chart.defaults.font) window.Chart.defaults.font.family = FONT;
    var font = FONT;
    var chart = new window.Chart(canvas, {
      data: {
        labels: days,
        datasets: [
          {
            type: 'bar',
            label: 'Payments (US dollars)',
            data: paidUsd,
            yAxisID: 'y',
            backgroundColor: 'rgba(0, 114, 178, 0.75)',
            hoverBackgroundColor: 'rgba(0, 114, 178, 1)',
            borderRadius: 2,
            order: 2
          },
          {
            type: 'line',
            label: 'Live sessions',
            data: sessN,
            yAxisID: 'y1',
            borderColor: '#D55E00',
            backgroundColor: '#D55E00',
            borderWidth: 2,
            pointRadius: 2.5,
            pointHoverRadius: 5,
            tension: 0.2,
            order: 1
          }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion() ? false : { duration: 250 },
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: {
            position: 'top',
            align: 'end',
            labels: {
              boxWidth: 12,
              font: { family: font, size: 12 },
              sort: function (a, b) { return a.datasetIndex - b.datasetIndex; }
            }
          },
          tooltip: {
            itemSort: function (a, b) { return a.datasetIndex - b.datasetIndex; },
            callbacks: {
              title: function (items) { return items.length ? days[items[0].dataIndex] : ''; },
              label: function (ctx) {
                var i = ctx.dataIndex;
                if (ctx.dataset.yAxisID === 'y') {
                  return 'Payments: ' + usd.format(paidUsd[i]) + ' (' + paidN[i] + (paidN[i] === 1 ? ' payment)' : ' payments)');
                }
                return 'Live sessions: ' + sessN[i];
              }
            }
          }
        },
        scales: {
          x: {
            grid: { display: false },
            ticks: {
              autoSkip: true,
              maxRotation: 0,
              font: { family: font, size: 11 },
              callback: function (value, index) { return shortDay(days[index]); }
            }
          },
          y: {
            type: 'linear',
            position: 'left',
            beginAtZero: true,
            title: { display: true, text: 'US dollars', font: { family: font, size: 12 } },
            ticks: { font: { family: font, size: 11 } }
          },
          y1: {
            type: 'linear',
            position: 'right',
            beginAtZero: true,
            grid: { drawOnChartArea: false },
            title: { display: true, text: 'live sessions', font: { family: font, size: 12 } },
            ticks: { precision: 0, font: { family: font, size: 11 } }
          }
        }
      }
    });
    registry.push({ kind: 'timeline', el: canvas, dataEl: data.el, text: data.text, obj: chart });
  }

  // ---------------------------------------------------------------------------------------------
  // wiring
  // ---------------------------------------------------------------------------------------------

  function initAll() {
    configureHtmx();
    cleanup();
    try { initNetwork(); } catch (e) { console.error('workbench: network: ' + (e && e.message)); }
    try { initTimeline(); } catch (e) { console.error('workbench: timeline: ' + (e && e.message)); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initAll);
  } else {
    initAll();
  }
})();
