'use strict';
// The campaign managers' page: call lists from segments or CSV, campaigns with their controls, and their reports.
// Everything goes through /api/campaigns and /api/call-lists; the dialer behind them decides what is valid, and its
// message (naming the field) is shown as it is. The campaigns table is re-read every 5 s while the page is open.
(function () {
  // the campaign's call recording policy (answers the ACD joins to agents); inherit leaves it to the queue
  Object.assign(I18N.en, { campaignRecording: 'Call recording', campaignRecordingInherit: 'As the queue says',
    campaignRecordingAlways: 'Always', campaignRecordingNever: 'Never',
    campaignRecordingOnDemand: 'When the agent starts it' });
  Object.assign(I18N.fa, { campaignRecording: 'ضبط تماس', campaignRecordingInherit: 'مطابق صف',
    campaignRecordingAlways: 'همیشه', campaignRecordingNever: 'هرگز',
    campaignRecordingOnDemand: 'هر وقت کارشناس شروع کند' });
  const $ = id => document.getElementById(id);
  const { el, clear } = Page;
  const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const OUTCOMES = ['BUSY', 'NO_ANSWER', 'MACHINE', 'ABANDONED', 'FAILED'];
  const FIELDS = ['segment', 'language', 'timeZone', 'score.value', 'score.loyalty', 'score.churnRisk',
    'score.offerPropensity', 'daysSinceLastContact'];
  const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'in'];
  // regulators allow 3 %; the row turns red from here so there is time to act
  const NEAR_LIMIT = 0.025;
  let me = null;
  let lang = 'en';
  let campaigns = [];
  let lists = [];
  let reportCampaign = null;
  let editing = false;

  function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }
  function num(n) { return lang === 'fa' ? faDigits(n) : String(n); }
  function percent(rate) { return num((rate * 100).toFixed(2)) + (lang === 'fa' ? '٪' : ' %'); }
  // amounts arrive as exact decimal strings and are only regrouped as text, never parsed into a float
  function money(amount, currency) {
    if (amount === null || amount === undefined) { return '-'; }
    const [whole, fraction] = String(amount).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fa' ? '٬' : ',');
    return num(grouped + (fraction === undefined ? '' : (lang === 'fa' ? '٫' : '.') + fraction)) + ' ' + currency;
  }
  function api(method, path, body, contentType) { return Page.call(method, path, body, me && me.csrfToken, contentType); }
  function status(id, ok, text) {
    const s = $(id);
    s.textContent = text || (ok ? t('saved') : t('failed'));
    s.className = ok ? 'ok' : 'error';
  }
  function isoDay(d) { return d.toISOString().slice(0, 10); }
  function dayLabel(iso) {
    if (lang !== 'fa') { return iso; }
    return new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
      .format(new Date(iso + 'T00:00:00Z'));
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-tp]').forEach(e => { e.placeholder = t(e.dataset.tp); });
    $('lang').textContent = lang === 'fa' ? 'English' : 'فارسی';
    renderDaysOff(selectedDaysOff());
    renderCampaigns();
    renderLists();
  }
  $('lang').addEventListener('click', () => {
    lang = lang === 'fa' ? 'en' : 'fa';
    applyLanguage();
    api('POST', '/api/me/language', { language: lang }).catch(() => { /* kept for this page only */ });
  });

  // ---- campaigns ----
  async function loadCampaigns() {
    try {
      const fresh = (await api('GET', '/api/campaigns')).campaigns;
      // redraw only on a change, so a button does not vanish under the manager's pointer every 5 s
      if (JSON.stringify(fresh) !== JSON.stringify(campaigns)) {
        campaigns = fresh;
        renderCampaigns();
      }
      document.body.dataset.campaigns = 'loaded';
    } catch (e) { status('campaign-status', false, e.message); }
  }

  function renderCampaigns() {
    const rows = clear($('campaign-rows'));
    campaigns.forEach(c => {
      const tr = el('tr');
      tr.dataset.campaign = c.id;
      tr.appendChild(el('td', c.definition.name + ' (' + c.id + ')'));
      tr.appendChild(el('td', t(c.definition.mode)));
      const st = el('td', t(c.status), 'campaign-' + c.status.toLowerCase());
      st.dataset.status = c.status;
      st.classList.add('status');
      tr.appendChild(st);
      const done = Math.max(0, c.contacts - c.remaining);
      const progress = el('td', num(done) + ' / ' + num(c.contacts) + ' · ' + t('dialled') + ' ' + num(c.dialled)
        + ' · ' + t('inFlight') + ' ' + num(c.inFlight), 'progress');
      const bar = el('progress');
      bar.max = Math.max(1, c.contacts);
      bar.value = done;
      progress.prepend(bar);
      tr.appendChild(progress);
      const abandon = el('td', percent(c.abandonRateWindow), 'abandon');
      if (c.abandonRateWindow >= NEAR_LIMIT) { abandon.classList.add('near-limit'); }
      tr.appendChild(abandon);
      const actions = el('td');
      [['start', c.status === 'DRAFT' || c.status === 'PAUSED'], ['pause', c.status === 'RUNNING'],
        ['stop', c.status !== 'STOPPED' && c.status !== 'FINISHED']].forEach(([action, enabled]) => {
        const b = el('button', t(action), 'small');
        b.type = 'button';
        b.dataset.action = action;
        b.disabled = !enabled;
        b.addEventListener('click', () => control(c.id, action));
        actions.appendChild(b);
      });
      const edit = el('button', t('edit'), 'small ghost');
      edit.type = 'button';
      edit.dataset.action = 'edit';
      edit.disabled = c.status === 'RUNNING';
      edit.addEventListener('click', () => openEditor(c.definition));
      actions.appendChild(edit);
      const report = el('button', t('report'), 'small ghost');
      report.type = 'button';
      report.dataset.action = 'report';
      report.addEventListener('click', () => openReport(c));
      actions.appendChild(report);
      tr.appendChild(actions);
      rows.appendChild(tr);
    });
  }

  async function control(id, action) {
    try {
      await api('POST', '/api/campaigns/' + encodeURIComponent(id) + '/' + action);
      status('campaign-status', true, t(action) + ': ' + id);
      loadCampaigns();
    } catch (e) { status('campaign-status', false, e.message); }
  }

  // ---- campaign form ----
  function renderDaysOff(checked) {
    const box = clear($('c-days-off'));
    DAYS.forEach(d => {
      const label = el('label', null, 'check');
      const input = el('input');
      input.type = 'checkbox';
      input.value = d;
      input.checked = checked.includes(d);
      label.appendChild(input);
      label.appendChild(el('span', t(d)));
      box.appendChild(label);
    });
  }
  function selectedDaysOff() {
    return [...document.querySelectorAll('#c-days-off input:checked')].map(i => i.value);
  }
  function renderListChoices(checked) {
    const box = clear($('c-lists'));
    if (!lists.length) { box.appendChild(el('span', t('noLists'), 'muted')); }
    lists.forEach(l => {
      const label = el('label', null, 'check');
      const input = el('input');
      input.type = 'checkbox';
      input.value = l.listId;
      input.checked = checked.includes(l.listId);
      label.appendChild(input);
      label.appendChild(el('span', l.name + ' (' + num(l.contacts) + ')'));
      box.appendChild(label);
    });
  }

  // new campaigns start from the defaults a careful manager would pick; Friday is the day off for Persian users
  function defaults() {
    const today = new Date();
    const month = new Date(today.getTime() + 30 * 86400000);
    return { id: '', name: '', listIds: [], mode: 'PREDICTIVE', firstDay: isoDay(today), lastDay: isoDay(month),
      opens: '09:00', closes: '20:00', daysOff: [lang === 'fa' ? 'FRIDAY' : 'SUNDAY'], holidays: [],
      retryDelayMinutes: { BUSY: 10, NO_ANSWER: 120, MACHINE: 240, ABANDONED: 60 }, maxAttempts: 5,
      currency: lang === 'fa' ? 'IRR' : 'USD', costPerDial: '0', costPerMinute: '0', revenuePerConversion: '0',
      regulator: 'US-TSR', maxLines: 10, queue: '', machineAction: 'HANGUP', recording: 'inherit' };
  }

  function openEditor(d) {
    editing = !!d.id;
    $('campaign-editor').hidden = false;
    $('c-id').value = d.id;
    $('c-id').readOnly = editing;
    $('c-name').value = d.name;
    renderListChoices(d.listIds);
    $('c-mode').value = d.mode;
    $('c-first').value = d.firstDay;
    $('c-last').value = d.lastDay;
    $('c-opens').value = d.opens;
    $('c-closes').value = d.closes;
    renderDaysOff(d.daysOff);
    $('c-holidays').value = d.holidays.join(', ');
    OUTCOMES.forEach(o => { const v = d.retryDelayMinutes[o]; $('c-retry-' + o).value = v === undefined ? '' : num(v); });
    $('c-attempts').value = num(d.maxAttempts);
    $('c-currency').value = d.currency;
    $('c-cost-dial').value = d.costPerDial;
    $('c-cost-minute').value = d.costPerMinute;
    $('c-revenue').value = d.revenuePerConversion;
    $('c-regulator').value = d.regulator;
    $('c-lines').value = num(d.maxLines);
    $('c-queue').value = d.queue;
    $('c-machine').value = d.machineAction;
    $('c-recording').value = d.recording || 'inherit';
    $('campaign-form-status').textContent = '';
    $('campaign-editor').scrollIntoView();
  }
  $('new-campaign').addEventListener('click', () => openEditor(defaults()));
  $('cancel-campaign').addEventListener('click', () => { $('campaign-editor').hidden = true; });

  $('campaign-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const retries = {};
    OUTCOMES.forEach(o => { const v = asciiDigits($('c-retry-' + o).value.trim()); if (v) { retries[o] = v; } });
    const body = {
      name: $('c-name').value, listIds: [...document.querySelectorAll('#c-lists input:checked')].map(i => i.value),
      mode: $('c-mode').value, firstDay: $('c-first').value, lastDay: $('c-last').value,
      opens: $('c-opens').value, closes: $('c-closes').value, daysOff: selectedDaysOff(),
      holidays: $('c-holidays').value.split(/[,،\s]+/).map(s => asciiDigits(s)).filter(s => s),
      retryDelayMinutes: retries, maxAttempts: asciiDigits($('c-attempts').value), currency: $('c-currency').value,
      // money stays text all the way to the server: no float ever holds an amount
      costPerDial: asciiDigits($('c-cost-dial').value), costPerMinute: asciiDigits($('c-cost-minute').value),
      revenuePerConversion: asciiDigits($('c-revenue').value), regulator: $('c-regulator').value,
      maxLines: asciiDigits($('c-lines').value), queue: $('c-queue').value, machineAction: $('c-machine').value,
      recording: $('c-recording').value
    };
    try {
      await api('PUT', '/api/campaigns/' + encodeURIComponent($('c-id').value.trim()), body);
      status('campaign-form-status', true);
      $('campaign-editor').hidden = true;
      status('campaign-status', true, t('saved') + ': ' + $('c-id').value.trim());
      loadCampaigns();
    } catch (e) { status('campaign-form-status', false, e.message); }
  });

  // ---- report ----
  function openReport(c) {
    reportCampaign = c;
    $('report').hidden = false;
    $('report-campaign').textContent = c.definition.name;
    const today = isoDay(new Date());
    $('report-from').value = c.definition.firstDay < today ? c.definition.firstDay : today;
    $('report-to').value = today;
    clear($('report-rows'));
    $('report').scrollIntoView();
    loadReport();
  }

  async function loadReport() {
    try {
      const r = await api('GET', '/api/campaigns/' + encodeURIComponent(reportCampaign.id) + '/report?from='
        + $('report-from').value + '&to=' + $('report-to').value);
      const rows = clear($('report-rows'));
      r.days.forEach(d => {
        const tr = el('tr');
        tr.dataset.day = d.day;
        [[dayLabel(d.day), 'day'], [num(d.dials), 'dials'], [num(d.contacts), 'contacts'], [num(d.connected), 'connected'],
          [num(d.abandoned), 'abandoned'], [percent(d.abandonRateUsDay), 'us-day'], [percent(d.abandonRateUs30Days), 'us-30'],
          [percent(d.abandonRateUkDay), 'uk-day'], [num(d.talkMinutesPerAgentHour.toFixed(1)), 'talk'],
          [num(d.conversions), 'conversions'], [money(d.cost, d.currency), 'cost'], [money(d.revenue, d.currency), 'revenue'],
          [d.roi === null ? '-' : percent(Number(d.roi)), 'roi']].forEach(([v, cls]) => tr.appendChild(el('td', v, cls)));
        [['us-30', d.abandonRateUs30Days], ['uk-day', d.abandonRateUkDay], ['us-day', d.abandonRateUsDay]].forEach(([cls, rate]) => {
          if (rate >= NEAR_LIMIT) { tr.querySelector('td.' + cls).classList.add('near-limit'); }
        });
        rows.appendChild(tr);
      });
      const sum = r.totals;
      const total = el('tr', null, 'totals');
      [[t('total'), 'day'], [num(sum.dials), 'dials'], [num(sum.contacts), 'contacts'], [num(sum.connected), 'connected'],
        [num(sum.abandoned), 'abandoned'], ['', 'us-day'], ['', 'us-30'], ['', 'uk-day'],
        [num(sum.talkMinutesPerAgentHour.toFixed(1)), 'talk'], [num(sum.conversions), 'conversions'],
        [money(sum.cost, sum.currency), 'cost'], [money(sum.revenue, sum.currency), 'revenue'],
        [sum.roi === null ? '-' : percent(Number(sum.roi)), 'roi']].forEach(([v, cls]) => total.appendChild(el('td', v, cls)));
      clear($('report-totals')).appendChild(total);
      status('report-status', true, num(r.days.length) + ' ' + t('days'));
    } catch (e) { status('report-status', false, e.message); }
  }
  $('report-form').addEventListener('submit', ev => { ev.preventDefault(); loadReport(); });

  // ---- call lists ----
  async function loadLists() {
    try {
      lists = (await api('GET', '/api/call-lists')).lists;
      renderLists();
      if (!$('campaign-editor').hidden) {
        renderListChoices([...document.querySelectorAll('#c-lists input:checked')].map(i => i.value));
      }
    } catch (e) { status('segment-status', false, e.message); }
  }

  function renderLists() {
    const rows = clear($('list-rows'));
    lists.forEach(l => {
      const tr = el('tr');
      tr.dataset.list = l.listId;
      [l.listId, l.name, t(l.source), num(l.contacts), l.createdAt.slice(0, 16).replace('T', ' '), l.createdBy]
        .forEach(v => { const td = el('td'); td.appendChild(el('bdi', v)); tr.appendChild(td); });
      rows.appendChild(tr);
    });
  }

  function addCondition(field, operator, value) {
    const row = el('div', null, 'row condition');
    const f = el('select');
    f.className = 'field';
    FIELDS.forEach(x => { const o = el('option', x); o.value = x; f.appendChild(o); });
    f.value = field || 'segment';
    const op = el('select');
    op.className = 'operator';
    OPERATORS.forEach(x => { const o = el('option', x); o.value = x; op.appendChild(o); });
    op.value = operator || '=';
    const v = el('input');
    v.className = 'value';
    v.value = value || '';
    v.required = true;
    const remove = el('button', '×', 'small ghost');
    remove.type = 'button';
    remove.title = t('remove');
    remove.addEventListener('click', () => row.remove());
    [f, op, v, remove].forEach(x => row.appendChild(x));
    $('conditions').appendChild(row);
  }
  $('add-condition').addEventListener('click', () => addCondition());

  function segmentRequest(preview) {
    return {
      listId: $('s-list-id').value.trim(), name: $('s-list-name').value.trim(), preview,
      limit: asciiDigits($('s-limit').value.trim() || '0'),
      conditions: [...document.querySelectorAll('#conditions .condition')].map(r => ({
        field: r.querySelector('.field').value, operator: r.querySelector('.operator').value,
        value: asciiDigits(r.querySelector('.value').value.trim()) }))
    };
  }

  function showSegment(result) {
    $('segment-result').hidden = false;
    $('segment-count').textContent = num(result.accepted);
    const ul = clear($('segment-sample'));
    // a Persian name beside a number reads in its own direction
    result.sample.forEach(s => { const li = el('li'); li.appendChild(el('bdi', s)); ul.appendChild(li); });
  }

  $('preview-segment').addEventListener('click', async () => {
    if (!$('segment-form').reportValidity()) { return; }
    try {
      const r = await api('POST', '/api/call-lists/segment', segmentRequest(true));
      showSegment(r);
      status('segment-status', true, t('previewed'));
    } catch (e) { status('segment-status', false, e.message); }
  });
  $('segment-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      const r = await api('POST', '/api/call-lists/segment', segmentRequest(false));
      showSegment(r);
      status('segment-status', true, t('saved') + ': ' + r.listId);
      loadLists();
    } catch (e) { status('segment-status', false, e.message); }
  });

  // the file goes up as it is (bytes, not re-encoded), so the server can refuse one that is not UTF-8
  $('csv-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const file = $('u-file').files[0];
    if (!file) { return; }
    const query = '?listId=' + encodeURIComponent($('u-list-id').value.trim())
      + '&name=' + encodeURIComponent($('u-list-name').value.trim());
    try {
      const r = await api('POST', '/api/call-lists/import' + query, file, 'text/csv; charset=utf-8');
      $('csv-report').hidden = false;
      $('csv-rows').textContent = num(r.rows);
      $('csv-accepted').textContent = num(r.accepted);
      $('csv-duplicates').textContent = num(r.duplicates);
      $('csv-refused').textContent = num(r.problems.length);
      const body = clear($('csv-problems'));
      r.problems.forEach(p => {
        const tr = el('tr');
        tr.dataset.line = p.line;
        tr.appendChild(el('td', num(p.line), 'line'));
        tr.appendChild(el('td', p.reason, 'reason'));
        const row = el('td', null, 'row-text');
        row.appendChild(el('bdi', p.row));
        tr.appendChild(row);
        body.appendChild(tr);
      });
      status('csv-status', true, t('saved') + ': ' + r.listId);
      loadLists();
    } catch (e) { status('csv-status', false, e.message); }
  });

  // ---- start ----
  api('GET', '/api/session').then(m => {
    me = m;
    lang = me.language || 'en';
    $('who').textContent = me.name + ' (' + me.role + ')';
    renderDaysOff([]);
    addCondition('segment', '=', '');
    applyLanguage();
    if (me.role !== 'supervisor' && me.role !== 'admin') {
      $('page-error').hidden = false;
      $('page-error').textContent = t('managersOnly');
      return;
    }
    loadLists();
    loadCampaigns();
    setInterval(loadCampaigns, 5000);
  }).catch(() => { location.href = './'; });
}());
