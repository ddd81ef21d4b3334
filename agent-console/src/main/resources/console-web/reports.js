'use strict';
// The supervisors' reports page: a queue or agent report for a range of days, drawn as a chart (ECharts, served from
// the server's own jar) and a table, with the same query offered as a CSV download for Excel. The figures come from
// /api/reports/queues and /api/reports/agents as they are; this page only lays them out in the reader's language.
(function () {
  const $ = id => document.getElementById(id);
  const { el, clear } = Page;
  // ratios arrive as 0..1 and are shown as percentages, as in the CSV
  const PERCENT = ['serviceLevel', 'firstContactResolution', 'occupancy', 'utilisation'];
  // raw instants of each bucket: the bucket's label says the same for a reader
  const HIDDEN = ['start', 'end'];
  // more kinds of report, each described by its own script (reports-kinds.js: skills, campaigns, quality)
  const KINDS = window.ReportKinds || {};
  let me = null;
  let lang = 'en';
  let shown = null; // the last answer, redrawn when the language changes

  function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }
  function num(n) { return lang === 'fa' ? faDigits(n) : String(n); }
  function api(path) { return Page.call('GET', path, undefined, me && me.csrfToken); }

  function columnName(key) {
    const named = Object.values(KINDS).map(k => k.columnName && k.columnName(key, t)).find(n => n);
    if (named) { return named; }
    if (key.startsWith('pause:')) { return t('pausedFor') + ': ' + key.substring(6) + ' ' + t('secondsUnit'); }
    return t('col.' + key);
  }
  function round1(x) { return Math.round(x * 10) / 10; }
  function cell(key, v) {
    if (v === null || v === undefined) { return '-'; }
    // queue names and agent ids are shown as written; the period label is a date, in the reader's digits
    if (typeof v !== 'number') { return key === 'bucket' ? num(v) : String(v); }
    const percent = PERCENT.includes(key) || Object.values(KINDS).some(k => (k.percent || []).includes(key));
    return num(percent ? round1(v * 100) : round1(v));
  }

  // today as YYYY-MM-DD in the calendar, from the browser's clock, in the center's time zone (the session's), where
  // the reports cut their days
  let zone;
  function today(calendar) {
    const parts = new Intl.DateTimeFormat('en-u-ca-' + (calendar === 'jalali' ? 'persian' : 'gregory') + '-nu-latn',
      { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).formatToParts(new Date());
    const part = type => parts.find(p => p.type === type).value;
    return part('year') + '-' + part('month') + '-' + part('day');
  }
  function resetDays() {
    const d = today($('r-calendar').value);
    $('r-from').value = num(d);
    $('r-to').value = num(d);
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    $('lang').textContent = lang === 'fa' ? 'English' : 'فارسی';
    $('r-from').value = num(asciiDigits($('r-from').value));
    $('r-to').value = num(asciiDigits($('r-to').value));
    if (shown) { render(shown.kind, shown.body); }
  }
  $('lang').addEventListener('click', () => {
    lang = lang === 'fa' ? 'en' : 'fa';
    applyLanguage();
    Page.call('POST', '/api/me/language', { language: lang }, me && me.csrfToken).catch(() => { /* this page only */ });
  });
  $('r-kind').addEventListener('change', () => {
    const other = KINDS[$('r-kind').value];
    $('r-subject-label').dataset.t = other ? other.subjectLabel : $('r-kind').value === 'agents' ? 'reportAgent' : 'reportQueue';
    $('r-subject-label').textContent = t($('r-subject-label').dataset.t);
  });
  $('r-calendar').addEventListener('change', resetDays);

  function query() {
    const kind = $('r-kind').value;
    const p = new URLSearchParams({ from: asciiDigits($('r-from').value.trim()), to: asciiDigits($('r-to').value.trim()),
      interval: $('r-interval').value, calendar: $('r-calendar').value });
    const subject = $('r-subject').value.trim();
    const other = KINDS[kind];
    if (other && other.params) { other.params(p); }
    if (subject) { p.set(other ? other.subjectParam : kind === 'agents' ? 'agent' : 'queue', subject); }
    return { kind, path: '/api/reports/' + (other ? other.path : kind) + '?' + p.toString() };
  }

  $('report-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const q = query();
    $('report-status').textContent = t('reportLoading');
    $('report-status').className = '';
    delete document.body.dataset.report;
    try {
      const body = await api(q.path);
      shown = { kind: q.kind, body };
      $('csv-link').href = q.path + '&format=csv';
      $('report-status').textContent = '';
      $('report-result').hidden = false;
      render(q.kind, body);
      document.body.dataset.report = 'loaded';
    } catch (e) {
      $('report-status').textContent = e.message;
      $('report-status').className = 'error';
    }
  });

  function render(kind, body) {
    $('report-title').textContent = t(KINDS[kind] ? KINDS[kind].title : kind === 'agents' ? 'agentReport' : 'queueReport') + ': '
      + num(body.from) + (body.to === body.from ? '' : ' – ' + num(body.to));
    renderTable(body);
    renderChart(kind, body);
  }

  function renderTable(body) {
    const columns = body.columns.filter(c => !HIDDEN.includes(c));
    const head = clear($('report-head'));
    columns.forEach(c => { const th = el('th', columnName(c)); th.dataset.column = c; head.appendChild(th); });
    const rows = clear($('report-rows'));
    if (body.rows.length === 0) {
      const td = el('td', t('noRows'), 'muted');
      td.colSpan = columns.length;
      rows.appendChild(el('tr')).appendChild(td);
      return;
    }
    body.rows.forEach(r => {
      const tr = el('tr');
      columns.forEach(c => {
        const td = el('td', cell(c, r[c]), typeof r[c] === 'number' ? 'number' : '');
        td.dataset.column = c;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
  }

  // Counts are summed over the queues (or agents) of each bucket; a ratio cannot be summed, so its line is drawn
  // only when the report is for one queue (or agent).
  function renderChart(kind, body) {
    const other = KINDS[kind];
    const subjectKey = other ? other.subjectKey : kind === 'agents' ? 'agent' : 'queue';
    const buckets = [];
    const byBucket = new Map();
    body.rows.forEach(r => {
      if (!byBucket.has(r.bucket)) { byBucket.set(r.bucket, []); buckets.push(r.bucket); }
      byBucket.get(r.bucket).push(r);
    });
    const single = new Set(body.rows.map(r => r[subjectKey])).size === 1;
    const sum = key => buckets.map(b => byBucket.get(b).reduce((s, r) => s + (r[key] || 0), 0));
    const bars = other ? other.bars : kind === 'agents' ? ['callsHandled', 'transfers'] : ['offered', 'answered', 'abandoned'];
    const ratio = other ? other.ratio : kind === 'agents' ? 'occupancy' : 'serviceLevel';
    const series = bars.map(k => ({ id: k, name: columnName(k), type: 'bar', barMaxWidth: 48, data: sum(k) }));
    if (single) {
      const scale = other && other.ratioScale !== undefined ? other.ratioScale : 100;
      series.push({ id: ratio, name: t(other ? other.ratioName : kind === 'agents' ? 'chartOccupancy' : 'chartPercent'), type: 'line', yAxisIndex: 1,
        data: buckets.map(b => { const v = byBucket.get(b)[0][ratio]; return v === null ? null : round1(v * scale); }) });
    }
    const rtl = lang === 'fa';
    const chart = echarts.getInstanceByDom($('chart')) || echarts.init($('chart'));
    chart.setOption({
      textStyle: { fontFamily: 'system-ui, Vazirmatn, Tahoma, sans-serif' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: buckets.map(num), inverse: rtl },
      yAxis: [
        { type: 'value', name: t(other && other.barsName ? other.barsName : 'chartCalls'), minInterval: 1, position: rtl ? 'right' : 'left',
          axisLabel: { formatter: v => num(v) } },
        { type: 'value', name: other && other.ratioAxis ? other.ratioAxis : '%', min: 0,
          max: other && other.ratioMax ? other.ratioMax : 100, show: single, position: rtl ? 'left' : 'right',
          axisLabel: { formatter: v => num(v) } }
      ],
      series
    }, true);
    chart.resize();
  }
  window.addEventListener('resize', () => { const c = echarts.getInstanceByDom($('chart')); if (c) { c.resize(); } });

  // ---- start ----
  api('/api/session').then(m => {
    me = m;
    lang = me.language || 'en';
    zone = me.zone || undefined;
    $('who').textContent = me.name + ' (' + me.role + ')';
    // Persian readers count days in the Jalali calendar; they can still choose Gregorian
    $('r-calendar').value = lang === 'fa' ? 'jalali' : 'gregorian';
    resetDays();
    applyLanguage();
    if (me.role !== 'supervisor' && me.role !== 'admin') {
      $('page-error').hidden = false;
      $('page-error').textContent = t('reportsManagersOnly');
      return;
    }
    $('report-query').hidden = false;
    document.body.dataset.reports = 'ready';
  }).catch(() => { location.href = './'; });
}());
