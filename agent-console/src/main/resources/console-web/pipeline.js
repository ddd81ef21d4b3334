'use strict';
// The sales pipeline on the reports page: open opportunities by stage, owner and product with their weighted value,
// one chart per currency (amounts in different currencies are never added, here or on the server), what was won and
// lost in the chosen days with the reasons, and the contacts and talk time behind each opportunity and each sales
// agent. Figures come from /api/reports/pipeline as they are; every table has its CSV download for Excel.
Object.assign(I18N.en, {
  pipelineTitle: 'Sales pipeline', showPipeline: 'Show pipeline', pipelineOpen: 'Open pipeline by stage, owner and product',
  pipelineStages: 'Open pipeline by stage', pipelineClosed: 'Won and lost', pipelineReasons: 'Lost reasons',
  pipelineEffort: 'Effort per opportunity', pipelineOwners: 'Effort per sales agent', pipelineWon: 'Won',
  pipelineLost: 'Lost', pipelineWinRate: 'Win rate', pipelineCycle: 'Average days to close',
  pipelineWonCycle: 'Average days to win', chartAmount: 'Amount', chartWeighted: 'Weighted amount',
  'pcol.stage': 'Stage', 'pcol.owner': 'Owner', 'pcol.product': 'Product', 'pcol.currency': 'Currency',
  'pcol.count': 'Opportunities', 'pcol.amount': 'Amount', 'pcol.weighted': 'Weighted amount', 'pcol.won': 'Won',
  'pcol.wonAmount': 'Won amount', 'pcol.lost': 'Lost', 'pcol.lostAmount': 'Lost amount', 'pcol.reason': 'Lost reason',
  'pcol.id': 'Id', 'pcol.title': 'Title', 'pcol.customerId': 'Customer', 'pcol.contacts': 'Contacts',
  'pcol.talkSeconds': 'Talk (s)', 'pcol.open': 'Open', 'pcol.winRate': 'Win rate %'
});
Object.assign(I18N.fa, {
  pipelineTitle: 'قیف فروش', showPipeline: 'نمایش قیف فروش', pipelineOpen: 'فرصت‌های باز به تفکیک مرحله، مسئول و محصول',
  pipelineStages: 'فرصت‌های باز به تفکیک مرحله', pipelineClosed: 'برده و باخته', pipelineReasons: 'دلایل از دست رفتن',
  pipelineEffort: 'تلاش برای هر فرصت', pipelineOwners: 'تلاش هر کارشناس فروش', pipelineWon: 'برده',
  pipelineLost: 'باخته', pipelineWinRate: 'نرخ برد', pipelineCycle: 'میانگین روز تا بستن',
  pipelineWonCycle: 'میانگین روز تا بردن', chartAmount: 'مبلغ', chartWeighted: 'مبلغ وزن‌دار',
  'pcol.stage': 'مرحله', 'pcol.owner': 'مسئول', 'pcol.product': 'محصول', 'pcol.currency': 'ارز',
  'pcol.count': 'فرصت‌ها', 'pcol.amount': 'مبلغ', 'pcol.weighted': 'مبلغ وزن‌دار', 'pcol.won': 'برده',
  'pcol.wonAmount': 'مبلغ برده', 'pcol.lost': 'باخته', 'pcol.lostAmount': 'مبلغ باخته', 'pcol.reason': 'دلیل از دست رفتن',
  'pcol.id': 'شناسه', 'pcol.title': 'عنوان', 'pcol.customerId': 'مشتری', 'pcol.contacts': 'تماس‌ها',
  'pcol.talkSeconds': 'مکالمه (ثانیه)', 'pcol.open': 'باز', 'pcol.winRate': 'نرخ برد ٪'
});

(function () {
  const $ = id => document.getElementById(id);
  const { el, clear } = Page;
  const PARTS = ['stages', 'open', 'closed', 'reasons', 'owners', 'effort'];
  const TITLES = { open: 'pipelineOpen', stages: 'pipelineStages', closed: 'pipelineClosed', reasons: 'pipelineReasons',
    effort: 'pipelineEffort', owners: 'pipelineOwners' };
  let lang = 'en';
  // the center's time zone (from the session): "today" is the center's day, as the report cuts days in it
  let zone;
  let shown = null; // { body, path }

  function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }
  function num(n) { return lang === 'fa' ? faDigits(n) : String(n); }
  function round1(x) { return Math.round(x * 10) / 10; }

  function label(settings, kind, code) {
    if (kind === 'stage' && (code === 'won' || code === 'lost')) { return t(code === 'won' ? 'pipelineWon' : 'pipelineLost'); }
    const list = kind === 'stage' ? settings.stages : settings.lostReasons;
    const x = list.find(s => s.code === code);
    return x ? (x[lang] || x.en) : code;
  }
  function cell(settings, key, v) {
    if (v === null || v === undefined) { return '-'; }
    if (key === 'stage' || key === 'reason') { return label(settings, key, v); }
    if (key === 'winRate') { return num(round1(v * 100)); }
    // amounts arrive as exact decimal strings; ids, counts and seconds as numbers; names as written
    if (typeof v === 'number' || ['amount', 'weighted', 'wonAmount', 'lostAmount'].includes(key)) { return num(v); }
    return String(v);
  }

  function today(calendar) {
    const parts = new Intl.DateTimeFormat('en-u-ca-' + (calendar === 'jalali' ? 'persian' : 'gregory') + '-nu-latn',
      { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).formatToParts(new Date());
    const part = type => parts.find(p => p.type === type).value;
    return part('year') + '-' + part('month') + '-' + part('day');
  }
  function resetDays() {
    const d = today($('p-calendar').value);
    $('p-from').value = num(d);
    $('p-to').value = num(d);
  }

  function render() {
    if (!shown) { return; }
    const body = shown.body;
    const o = body.outcome;
    const summary = clear($('pipeline-summary'));
    [['pipelineWon', o.won], ['pipelineLost', o.lost],
      ['pipelineWinRate', o.winRate === null ? '-' : num(round1(o.winRate * 100)) + (lang === 'fa' ? '٪' : '%')],
      ['pipelineCycle', o.averageCycleDays === null ? '-' : num(o.averageCycleDays)],
      ['pipelineWonCycle', o.averageWonCycleDays === null ? '-' : num(o.averageWonCycleDays)]].forEach(([k, v]) => {
      const span = el('span', t(k) + ': ');
      const b = el('strong', typeof v === 'number' ? num(v) : v);
      b.dataset.figure = k;
      span.appendChild(b);
      summary.appendChild(span);
    });
    renderCharts(body);
    const tables = clear($('pipeline-tables'));
    PARTS.forEach(part => {
      const head = el('div', null, 'row');
      head.appendChild(el('h3', t(TITLES[part])));
      head.appendChild(el('span', null, 'grow'));
      const csv = el('a', t('downloadCsv'));
      csv.href = shown.path + '&format=csv&part=' + part;
      csv.download = '';
      csv.id = 'pipeline-csv-' + part;
      head.appendChild(csv);
      tables.appendChild(head);
      const table = el('table', null, 'table');
      table.id = 'pipeline-' + part;
      const tr = el('tr');
      body[part].columns.forEach(c => { const th = el('th', t('pcol.' + c)); th.dataset.column = c; tr.appendChild(th); });
      table.appendChild(el('thead')).appendChild(tr);
      const tbody = table.appendChild(el('tbody'));
      if (body[part].rows.length === 0) {
        const td = el('td', t('noRows'), 'muted');
        td.colSpan = body[part].columns.length;
        tbody.appendChild(el('tr')).appendChild(td);
      }
      body[part].rows.forEach(r => {
        const row = el('tr');
        body[part].columns.forEach(c => {
          const td = el('td', cell(body.settings, c, r[c]));
          td.dataset.column = c;
          row.appendChild(td);
        });
        tbody.appendChild(row);
      });
      const wrap = el('div', null, 'scroll');
      wrap.appendChild(table);
      tables.appendChild(wrap);
    });
  }

  // one chart per currency: the configured stages along the axis, amount and weighted amount as bars
  function renderCharts(body) {
    const box = $('pipeline-charts');
    box.querySelectorAll('.pipeline-chart').forEach(c => { const e = echarts.getInstanceByDom(c); if (e) { e.dispose(); } });
    clear(box);
    const rows = body.stages.rows;
    const currencies = [...new Set(rows.map(r => r.currency))].sort();
    const stages = body.settings.stages.map(s => s.code);
    rows.forEach(r => { if (!stages.includes(r.stage)) { stages.push(r.stage); } });
    const rtl = lang === 'fa';
    currencies.forEach(currency => {
      box.appendChild(el('h3', currency));
      const div = el('div', null, 'pipeline-chart');
      div.dataset.currency = currency;
      box.appendChild(div);
      const value = (stage, key) => {
        const r = rows.find(x => x.currency === currency && x.stage === stage);
        return r ? Number(r[key]) : 0;
      };
      const chart = echarts.init(div);
      chart.setOption({
        textStyle: { fontFamily: 'system-ui, Vazirmatn, Tahoma, sans-serif' },
        legend: { top: 0 },
        grid: { left: 80, right: 80, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: stages.map(s => label(body.settings, 'stage', s)), inverse: rtl },
        yAxis: { type: 'value', name: currency, position: rtl ? 'right' : 'left', axisLabel: { formatter: v => num(v) } },
        series: [
          { id: 'amount', name: t('chartAmount'), type: 'bar', barMaxWidth: 48, data: stages.map(s => value(s, 'amount')) },
          { id: 'weighted', name: t('chartWeighted'), type: 'bar', barMaxWidth: 48, data: stages.map(s => value(s, 'weighted')) }
        ]
      });
    });
  }

  $('p-calendar').addEventListener('change', resetDays);
  // reports.js switches the page's language on this button first; the pipeline follows
  $('lang').addEventListener('click', () => {
    lang = document.documentElement.lang === 'fa' ? 'fa' : 'en';
    $('p-from').value = num(asciiDigits($('p-from').value));
    $('p-to').value = num(asciiDigits($('p-to').value));
    render();
  });
  window.addEventListener('resize', () => document.querySelectorAll('.pipeline-chart')
    .forEach(c => { const e = echarts.getInstanceByDom(c); if (e) { e.resize(); } }));

  $('pipeline-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const p = new URLSearchParams({ from: asciiDigits($('p-from').value.trim()), to: asciiDigits($('p-to').value.trim()),
      calendar: $('p-calendar').value });
    const path = '/api/reports/pipeline?' + p.toString();
    $('pipeline-status').textContent = t('reportLoading');
    $('pipeline-status').className = '';
    delete document.body.dataset.pipeline;
    try {
      const body = await Page.call('GET', path);
      shown = { body, path };
      $('pipeline-status').textContent = '';
      $('pipeline-result').hidden = false;
      render();
      document.body.dataset.pipeline = 'loaded';
    } catch (e) {
      $('pipeline-status').textContent = e.message;
      $('pipeline-status').className = 'error';
    }
  });

  Page.call('GET', '/api/session').then(me => {
    lang = me.language === 'fa' ? 'fa' : 'en';
    zone = me.zone || undefined;
    $('p-calendar').value = lang === 'fa' ? 'jalali' : 'gregorian';
    resetDays();
    if (me.role === 'supervisor' || me.role === 'admin') {
      $('pipeline-query').hidden = false;
      document.body.dataset.pipelineReady = 'ready';
    }
  }).catch(() => { /* reports.js sends the visitor to sign in */ });
}());
