'use strict';
// The console page: one signed-in user; REST for changes (with the CSRF token), /live for pushes.
(function () {
  const $ = id => document.getElementById(id);
  let me = null;
  let lang = 'en';
  let pop = null;
  let socket = null;
  let board = { queues: [], agents: [] };
  const agents = new Map();

  function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }
  function num(n) { return lang === 'fa' ? faDigits(n) : String(n); }
  function when(w) { return w ? (lang === 'fa' ? w.fa : w.en) : ''; }
  const { el, clear } = Page;

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-tp]').forEach(e => { e.placeholder = t(e.dataset.tp); });
    $('lang').textContent = lang === 'fa' ? 'English' : 'فارسی';
    if (pop) { renderPop(); }
    renderPreview();
    renderBoard();
  }

  function api(method, path, body) { return Page.call(method, path, body, me && me.csrfToken); }

  function status(id, ok, text) {
    const s = $(id);
    s.textContent = text || (ok ? t('saved') : t('failed'));
    s.className = ok ? 'ok' : 'error';
  }

  // ---- sign-in ----
  $('signin-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    $('signin-error').textContent = '';
    try {
      me = await api('POST', '/api/session', { username: $('username').value, password: $('password').value });
      start();
    } catch (e) {
      $('signin-error').textContent = e.message;
    }
  });
  $('signout').addEventListener('click', async () => {
    try { await api('DELETE', '/api/session'); } catch (e) { /* signed out anyway */ }
    location.reload();
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'fa' ? 'en' : 'fa';
    applyLanguage();
    if (me) { api('POST', '/api/me/language', { language: lang }).catch(() => { /* kept for this page only */ }); }
  });

  function start() {
    lang = me.language || 'en';
    $('signin').hidden = true;
    $('signout').hidden = false;
    $('who').textContent = me.name + ' (' + me.role + ')';
    $('agent').hidden = !me.agentId;
    $('supervisor').hidden = !(me.role === 'supervisor' || me.role === 'admin');
    $('admin').hidden = me.role !== 'admin';
    $('campaigns-link').hidden = $('supervisor').hidden;
    $('reports-link').hidden = $('supervisor').hidden;
    applyLanguage();
    connect();
    if (me.role === 'admin') { loadAdmin(); }
    if (!$('supervisor').hidden) { api('GET', '/api/wallboard').then(b => { board = b; indexAgents(); renderBoard(); }); }
    if (window.QualityBoard) { QualityBoard.start(me, api); }
  }

  const LIVE_RETRY_FIRST_MS = 300;
  const LIVE_RETRY_MAX_MS = 10000;
  let liveRetries = 0;
  let liveReconnects = 0;

  function connect() {
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live');
    socket.onmessage = ev => {
      const m = JSON.parse(ev.data);
      // other scripts of the page (callcontrol.js) follow the live channel through this event
      document.dispatchEvent(new CustomEvent('console-live', { detail: m }));
      if (m.type === 'pop') { pop = m.pop; renderPop(); }
      else if (m.type === 'agent-state') { onAgentState(m.agent); }
      else if (m.type === 'wallboard') { mergeBoard(m.wallboard); }
      else if (m.type === 'hello') {
        if (m.wallboard) { board = m.wallboard; indexAgents(); renderBoard(); }
        if (m.agent) { onAgentState(m.agent); }
      }
      else if (m.type === 'dial-result') { status('dial-status', m.answered, m.number + ': ' + (m.answered ? 'OK' : m.detail)); }
      else if (m.type === 'spy-result') { status('supervisor-status', m.answered, m.mode); }
    };
    socket.onclose = () => {
      if (!me) { return; }
      // the node may be gone: the load balancer sends the next connection to a live one, whose hello brings the
      // agent's state and the wallboard again and whose console pops a call in progress again. Backing off with
      // jitter, so a whole floor's browsers do not all come back to the surviving nodes in the same instant.
      document.body.dataset.live = 'reconnecting';
      $('live-lost').hidden = false;
      const delay = Math.min(LIVE_RETRY_MAX_MS, LIVE_RETRY_FIRST_MS * 2 ** liveRetries) * (0.5 + Math.random() / 2);
      liveRetries++;
      setTimeout(connect, delay);
    };
    if (document.body.dataset.live !== 'reconnecting') { document.body.dataset.live = 'connecting'; }
    socket.onopen = () => {
      liveRetries = 0;
      liveReconnects += document.body.dataset.live === 'reconnecting' ? 1 : 0;
      document.body.dataset.liveReconnects = String(liveReconnects);
      document.body.dataset.live = 'open';
      $('live-lost').hidden = true;
    };
  }

  // ---- agent state ----
  async function changeState(state, reason) {
    $('state-error').textContent = '';
    try { await api('POST', '/api/agent/state', { state, reason: reason || '' }); }
    catch (e) { $('state-error').textContent = e.message; }
  }
  $('go-available').addEventListener('click', () => changeState('available'));
  $('end-wrapup').addEventListener('click', () => changeState('available'));
  $('go-paused').addEventListener('click', () => changeState('paused', $('pause-reason').value));

  function onAgentState(a) {
    agents.set(a.agentId, a);
    if (me && a.agentId === me.agentId) {
      const s = $('my-state');
      s.textContent = t(a.state + '-state') + (a.reason ? ' (' + a.reason + ')' : '');
      s.className = 'state-' + a.state;
      s.dataset.state = a.state;
    }
    renderAgents();
  }

  // ---- screen-pop ----
  function renderPop() {
    $('waiting-for-call').hidden = true;
    $('pop').hidden = false;
    const c = pop.customer;
    $('caller-name').textContent = c ? c.name : (pop.call && pop.call.callerName) || t('unknown');
    $('caller-number').textContent = num(pop.callerNumber);
    $('caller-segment').textContent = c ? c.segment : '-';
    $('call-queue').textContent = pop.queue || '-';
    $('call-topic').textContent = pop.topic || '-';
    $('new-customer').hidden = !!c;
    // told as of the pop's moment: the pop is not redrawn while the call goes on
    const story = Story.line(pop.call, { lang, me: me && me.agentId, asOf: pop.offeredAt && pop.offeredAt.iso });
    $('call-story').textContent = story;
    $('call-story').hidden = !story;
    const path = clear($('ivr-path'));
    (pop.ivrPath || []).forEach(s => path.appendChild(el('li', s.node + (s.input ? ' · ' + t('keyed') + ' ' + num(s.input) : ''))));
    const answers = clear($('answer-list'));
    const a = pop.answers || { solved: [], articles: [] };
    a.articles.forEach(x => answers.appendChild(answer(t('article'), x)));
    a.solved.forEach(x => answers.appendChild(answer(t('solvedCall'), Object.assign({}, x, { title: dispositionLabel(x.title) }))));
    const q = clear($('question-list'));
    (pop.questions || []).forEach(x => q.appendChild(el('li', x)));
    const tl = clear($('timeline'));
    (pop.timeline || []).forEach(i => {
      const tr = el('tr');
      tr.dataset.interaction = i.id;
      const date = el('td', when(i.offeredAt), 'date');
      date.title = lang === 'fa' ? i.offeredAt.en : i.offeredAt.fa;
      tr.appendChild(date);
      tr.appendChild(el('td', i.channel + ' · ' + i.direction));
      tr.appendChild(el('td', i.queue));
      tr.appendChild(el('td', Story.line(i, { lang, me: me && me.agentId, asOf: pop.offeredAt && pop.offeredAt.iso }), 'story'));
      tr.appendChild(el('td', dispositionLabel(i.disposition)));
      tr.appendChild(el('td', i.notes));
      tl.appendChild(tr);
    });
    if (window.Recordings) { Recordings.timeline(tl, lang); }
    if (window.EmailThreads) { EmailThreads.timeline(tl, lang); }
    const sel = clear($('disposition'));
    (pop.dispositions || []).forEach(d => { const o = el('option', lang === 'fa' ? d.fa : d.en); o.value = d.code; sel.appendChild(o); });
    OpportunityForm.render(pop, lang);
    document.body.dataset.pop = pop.id;
  }

  function dispositionLabel(code) {
    const d = (pop.dispositions || []).find(x => x.code === code);
    return d ? (lang === 'fa' ? d.fa : d.en) : (code || '');
  }

  function answer(kind, x) {
    const li = el('li');
    li.appendChild(el('strong', x.title));
    li.appendChild(el('span', ' · ' + kind, 'muted'));
    li.appendChild(el('div', x.text));
    li.appendChild(el('div', t('matched') + ': ' + x.matched.join(', '), 'why'));
    return li;
  }

  $('dispose-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await api('POST', '/api/calls/' + encodeURIComponent(pop.id) + '/disposition',
        { disposition: $('disposition').value, notes: $('notes').value });
      status('dispose-status', true);
    } catch (e) { status('dispose-status', false, e.message); }
  });

  $('new-customer').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await api('POST', '/api/customers', { name: $('new-customer-name').value, phone: pop.callerNumber,
        segment: $('new-customer-segment').value, language: lang });
      pop = await api('GET', '/api/pops/' + encodeURIComponent(pop.id));
      renderPop();
    } catch (e) { alert(e.message); }
  });

  $('opportunity-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!pop || !pop.customer) { status('opp-status', false); return; }
    const id = $('opp-id').value;
    try {
      await api(id ? 'PUT' : 'POST', '/api/opportunities' + (id ? '/' + id : ''), OpportunityForm.body(pop));
      OpportunityForm.reset();
      status('opp-status', true);
      pop = await api('GET', '/api/pops/' + encodeURIComponent(pop.id));
      renderPop();
    } catch (e) { status('opp-status', false, e.message); }
  });

  $('callback-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await api('POST', '/api/callbacks', { number: pop ? pop.callerNumber : '', at: new Date($('callback-at').value).toISOString(),
        customerId: pop && pop.customer ? pop.customer.id : 0, interactionId: pop ? pop.interactionId : '',
        queue: pop ? pop.queue : '', note: $('callback-note').value });
      status('callback-status', true, t('scheduled'));
    } catch (e) { status('callback-status', false, e.message); }
  });

  async function dial(number) {
    try { await api('POST', '/api/dial', { number: asciiDigits(number) }); status('dial-status', true, t('dialing')); }
    catch (e) { status('dial-status', false, e.message); }
  }
  $('dial-button').addEventListener('click', () => dial($('dial-number').value));
  $('dial-caller').addEventListener('click', () => pop && dial(pop.callerNumber));

  // ---- preview calls: a record reserved to me, dialled (my phone first) or skipped ----
  let preview = null;
  function renderPreview() {
    $('preview-card').hidden = !preview;
    document.body.dataset.preview = preview ? preview.campaignId + '/' + preview.contactId : '';
    if (!preview) { return; }
    $('preview-name').textContent = preview.name || t('unknown');
    $('preview-phone').textContent = num(preview.phone);
    $('preview-campaign').textContent = preview.campaignId;
    $('preview-attempts').textContent = num(preview.attempts);
    $('preview-outcome').textContent = preview.lastOutcome || t('none');
    $('preview-until').textContent = num(new Date(preview.reservedUntil).toLocaleTimeString(lang === 'fa' ? 'fa-IR' : 'en-GB'));
  }
  function previewPath(action) {
    return '/api/preview/' + encodeURIComponent(preview.campaignId) + '/' + encodeURIComponent(preview.contactId) + '/' + action;
  }
  $('preview-next').addEventListener('click', async () => {
    try { preview = await api('POST', '/api/preview/next'); $('preview-status').textContent = ''; }
    catch (e) { preview = null; status('preview-status', false, e.status === 404 ? t('noPreview') : e.message); }
    renderPreview();
  });
  $('preview-dial').addEventListener('click', async () => {
    if (!preview) { return; }
    try { await api('POST', previewPath('dial')); status('preview-status', true, t('dialing')); preview = null; }
    catch (e) { status('preview-status', false, e.message); if (e.status === 409 || e.status === 403) { preview = null; } }
    renderPreview();
  });
  $('preview-skip').addEventListener('click', async () => {
    if (!preview) { return; }
    try { await api('POST', previewPath('skip'), { reason: $('preview-skip-reason').value }); status('preview-status', true, t('skipped')); preview = null; }
    catch (e) { status('preview-status', false, e.message); }
    renderPreview();
  });
  $('preview-dnc').addEventListener('click', async () => {
    if (!preview) { return; }
    try {
      await api('POST', '/api/do-not-call', { campaignId: preview.campaignId, contactId: preview.contactId, reason: $('preview-skip-reason').value });
      status('preview-status', true, t('addedToDnc'));
    } catch (e) { status('preview-status', false, e.message); }
  });
  $('preview-callback-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!preview) { return; }
    try {
      await api('POST', '/api/campaigns/' + encodeURIComponent(preview.campaignId) + '/contacts/' + encodeURIComponent(preview.contactId)
        + '/callback', { at: new Date($('preview-callback-at').value).toISOString() });
      status('preview-status', true, t('scheduled'));
    } catch (e) { status('preview-status', false, e.message); }
  });
  // the number of the call I am on goes on the do-not-call list (the server takes it from the call, not from here)
  $('call-dnc').addEventListener('click', async () => {
    if (!pop) { return; }
    try { await api('POST', '/api/do-not-call', { interactionId: pop.interactionId || pop.id }); status('call-dnc-status', true, t('addedToDnc')); }
    catch (e) { status('call-dnc-status', false, e.message); }
  });

  // ---- wallboard ----
  function indexAgents() { (board.agents || []).forEach(a => agents.set(a.agentId, a)); }

  // an update carries the queues' figures with this minute's point, and only the agents that changed
  function mergeBoard(u) {
    const old = new Map((board.queues || []).map(q => [q.queue, q]));
    const cutoff = Date.parse(u.at) - 60 * 60000;
    board.at = u.at;
    board.queues = u.queues.map(q => {
      const hour = ((old.get(q.queue) || {}).lastHour || []).filter(p => Date.parse(p.minute) > cutoff && (!q.point || p.minute !== q.point.minute));
      if (q.point) { hour.push(q.point); }
      return Object.assign({}, q, { lastHour: hour });
    });
    (u.agents || []).forEach(a => agents.set(a.agentId, a));
    renderBoard();
  }

  function seconds(s) {
    const m = Math.floor(s / 60), r = Math.floor(s % 60);
    return num(m + ':' + String(r).padStart(2, '0'));
  }

  function renderBoard() {
    if (!me || $('supervisor').hidden) { return; }
    const rows = clear($('queue-rows'));
    const charts = clear($('charts'));
    (board.queues || []).forEach(q => {
      const tr = el('tr');
      tr.dataset.queue = q.queue;
      [q.queue, num(q.waiting), seconds(q.longestWaitSeconds), num(Math.round(q.serviceLevel * 100)) + '%',
        num(q.answered), num(q.abandoned), seconds(q.asaSeconds), seconds(q.ahtSeconds)]
        .forEach((v, i) => { const td = el('td', v); td.className = ['queue', 'waiting', 'longest', 'sl', 'answered', 'abandoned', 'asa', 'aht'][i]; tr.appendChild(td); });
      rows.appendChild(tr);
      charts.appendChild(chart(q));
    });
    renderAgents();
  }

  function chart(q) {
    const ns = 'http://www.w3.org/2000/svg';
    const w = 240, h = 70;
    const box = el('div', null, 'chart');
    box.appendChild(el('div', q.queue + ' — ' + t('lastHour'), 'muted'));
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    const points = q.lastHour || [];
    const max = Math.max(1, ...points.map(p => p.waiting));
    const end = Date.parse(board.at);
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', points.map(p => {
      const age = (end - Date.parse(p.minute)) / 60000;
      const x = lang === 'fa' ? (age / 59) * w : w - (age / 59) * w;
      return x.toFixed(1) + ',' + (h - 4 - (p.waiting / max) * (h - 8)).toFixed(1);
    }).join(' '));
    const axis = document.createElementNS(ns, 'line');
    axis.setAttribute('x1', 0); axis.setAttribute('x2', w); axis.setAttribute('y1', h - 4); axis.setAttribute('y2', h - 4);
    axis.setAttribute('class', 'axis');
    svg.appendChild(axis);
    svg.appendChild(line);
    line.getAttribute('points').split(' ').filter(p => p).forEach(p => {
      const [x, y] = p.split(',');
      const dot = document.createElementNS(ns, 'circle');
      dot.setAttribute('cx', x); dot.setAttribute('cy', y); dot.setAttribute('r', 2.5);
      svg.appendChild(dot);
    });
    box.appendChild(svg);
    return box;
  }

  function renderAgents() {
    if (!me || $('supervisor').hidden) { return; }
    const body = clear($('agent-rows'));
    [...agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId)).forEach(a => {
      const tr = el('tr');
      tr.dataset.agent = a.agentId;
      tr.appendChild(el('td', a.agentId));
      const st = el('td', t(a.state + '-state') + (a.reason ? ' (' + a.reason + ')' : ''), 'state-' + a.state);
      st.dataset.state = a.state;
      tr.appendChild(st);
      const since = el('td', '', 'since');
      since.dataset.since = a.since;
      tr.appendChild(since);
      tr.appendChild(el('td', num(a.callsHandled || 0)));
      const actions = el('td');
      [['available', () => superviseState(a.agentId, 'available')], ['pause', () => superviseState(a.agentId, 'paused', 'supervisor')],
        ['logOut', () => superviseState(a.agentId, 'logged-out')], ['listen', () => spy(a.agentId, 'listen')],
        ['whisper', () => spy(a.agentId, 'whisper')], ['barge', () => spy(a.agentId, 'barge')]].forEach(([k, f]) => {
        const b = el('button', t(k), 'small ghost');
        b.type = 'button';
        b.addEventListener('click', f);
        actions.appendChild(b);
      });
      tr.appendChild(actions);
      body.appendChild(tr);
    });
    if (window.QualityBoard) { QualityBoard.decorate(body, lang); }
    tick();
  }

  function tick() {
    document.querySelectorAll('td.since').forEach(td => {
      td.textContent = seconds(Math.max(0, (Date.now() - Date.parse(td.dataset.since)) / 1000));
    });
  }
  setInterval(tick, 1000);

  async function superviseState(agentId, state, reason) {
    try { await api('POST', '/api/supervisor/agents/' + encodeURIComponent(agentId) + '/state', { state, reason: reason || '' }); status('supervisor-status', true); }
    catch (e) { status('supervisor-status', false, e.message); }
  }
  async function spy(agentId, mode) {
    try { await api('POST', '/api/supervisor/spy', { agentId, mode }); status('supervisor-status', true, t(mode)); }
    catch (e) { status('supervisor-status', false, e.message); }
  }

  // ---- admin ----
  async function loadAdmin() {
    try {
      const users = await api('GET', '/api/admin/users');
      const ul = clear($('user-list'));
      users.users.forEach(u => ul.appendChild(el('li', u.username + ' · ' + u.role + (u.agentId ? ' · ' + u.agentId : '') + ' · ' + u.language)));
      const arts = await api('GET', '/api/admin/articles');
      const al = clear($('article-list'));
      arts.articles.forEach(a => {
        const li = el('li', a.title + ' [' + a.topics + '] ' + (a.published ? '· ' + t('articlePublished') + ' ' : ''));
        const b = el('button', t('save'), 'small ghost');
        b.type = 'button';
        b.addEventListener('click', () => { $('a-id').value = a.id; $('a-title').value = a.title; $('a-body').value = a.body; $('a-topics').value = a.topics; $('a-published').checked = !!a.published; });
        li.appendChild(b);
        al.appendChild(li);
      });
      const qs = await api('GET', '/api/admin/queues');
      const ql = clear($('admin-queue-list'));
      qs.queues.forEach(q => ql.appendChild(el('li', q.name + ' · ' + num(q.serviceLevelSeconds) + 's')));
      const sk = await api('GET', '/api/admin/skills');
      const sl = clear($('skill-list'));
      sk.skills.forEach(s => sl.appendChild(el('li', s.name + ' · ' + s.description)));
    } catch (e) { status('user-status', false, e.message); }
  }
  $('user-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const body = { username: $('u-username').value, name: $('u-name').value, role: $('u-role').value,
      agentId: $('u-agent').value, phone: $('u-phone').value, language: $('u-language').value, password: $('u-password').value };
    try {
      try { await api('POST', '/api/admin/users', body); }
      catch (e) { if (e.status === 409) { await api('PUT', '/api/admin/users/' + encodeURIComponent(body.username), body); } else { throw e; } }
      $('u-password').value = '';
      status('user-status', true);
      loadAdmin();
    } catch (e) { status('user-status', false, e.message); }
  });
  $('article-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const id = $('a-id').value;
    try {
      await api(id ? 'PUT' : 'POST', '/api/admin/articles' + (id ? '/' + id : ''),
        { title: $('a-title').value, body: $('a-body').value, topics: $('a-topics').value, language: lang,
          published: $('a-published').checked });
      $('a-id').value = '';
      $('a-published').checked = false;
      status('article-status', true);
      loadAdmin();
    } catch (e) { status('article-status', false, e.message); }
  });
  $('queue-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await api('PUT', '/api/admin/queues/' + encodeURIComponent($('q-name').value),
        { displayName: $('q-name').value, serviceLevelSeconds: Number(asciiDigits($('q-sl').value)), questionScript: $('q-script').value });
      status('queue-status', true);
      loadAdmin();
    } catch (e) { status('queue-status', false, e.message); }
  });
  $('skill-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try { await api('PUT', '/api/admin/skills/' + encodeURIComponent($('s-name').value), { description: $('s-description').value }); loadAdmin(); }
    catch (e) { status('queue-status', false, e.message); }
  });

  // a reload keeps the session: ask who we are
  api('GET', '/api/session').then(m => { me = m; start(); }).catch(() => applyLanguage());
}());
