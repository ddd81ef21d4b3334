'use strict';
// The quality page: admins edit evaluation forms; supervisors and admins pick a handled call, listen to its
// recordings and score it on a form (the score shown live, computed as the server does); agents read their own
// evaluations. Everything goes through /api/quality (and /api/calls/{id}/recordings); the server checks every rule.
(function () {
  const $ = id => document.getElementById(id);
  const { el, clear } = Page;
  let me = null;
  let lang = 'en';
  let forms = [];
  let calls = [];
  let review = null; // the call being scored: {call, forms, evaluations}
  let form = null; // the form it is scored on
  let answers = {};

  function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }
  function num(n) { return lang === 'fa' ? faDigits(n) : String(n); }
  function api(method, path, body) { return Page.call(method, path, body, me && me.csrfToken); }
  function status(id, ok, text) {
    const s = $(id);
    s.textContent = text || (ok ? t('saved') : t('failed'));
    s.className = ok ? 'ok' : 'error';
  }
  function when(iso) {
    if (!iso) { return ''; }
    return new Date(iso).toLocaleString(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB',
      { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  }
  // an element whose text follows the language: applyLanguage re-reads data-t
  function tr(tag, key, cls) { const e = el(tag, t(key), cls); e.dataset.t = key; return e; }
  function button(key, cls, onClick) {
    const b = tr('button', key, cls);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function scoreText(value) { return Quality.number(value, lang); }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-tp]').forEach(e => { e.placeholder = t(e.dataset.tp); });
    document.querySelectorAll('[data-num]').forEach(e => { e.textContent = num(e.dataset.num); });
    document.querySelectorAll('input.c-weight').forEach(e => { e.value = num(asciiDigits(e.value)); });
    $('lang').textContent = lang === 'fa' ? 'English' : 'فارسی';
    renderForms();
    renderCalls();
    renderMine();
    if (review) { renderCall(); updateLive(); }
  }
  $('lang').addEventListener('click', () => {
    lang = lang === 'fa' ? 'en' : 'fa';
    applyLanguage();
    api('POST', '/api/me/language', { language: lang }).catch(() => { /* kept for this page only */ });
  });

  // ---- forms (admins) ----
  async function loadForms() {
    try {
      forms = (await api('GET', '/api/quality/forms' + (me.role === 'admin' ? '?all=true' : ''))).forms;
      renderForms();
    } catch (e) { status('form-status', false, e.message); }
  }

  function renderForms() {
    const rows = clear($('form-rows'));
    forms.forEach(f => {
      const row = el('tr');
      row.dataset.form = f.id;
      row.appendChild(el('td', f.name, 'name'));
      row.appendChild(el('td', num(f.version), 'version'));
      row.appendChild(el('td', num(f.sections.reduce((n, s) => n + s.criteria.length, 0))));
      row.appendChild(tr('td', f.retired ? 'retired' : 'active', 'status'));
      const actions = el('td');
      actions.appendChild(button('edit', 'small ghost', () => openEditor(f)));
      if (!f.retired) {
        const retire = button('retire', 'small ghost', async () => {
          try { await api('POST', '/api/quality/forms/' + f.id + '/retire'); status('form-status', true); loadForms(); }
          catch (e) { status('form-status', false, e.message); }
        });
        retire.dataset.action = 'retire';
        actions.appendChild(retire);
      }
      row.appendChild(actions);
      rows.appendChild(row);
    });
  }

  let editing = null;
  function openEditor(f) {
    editing = f ? f.id : null;
    $('f-name').value = f ? f.name : '';
    clear($('f-sections'));
    (f ? f.sections : [{ title: '', criteria: [null] }]).forEach(s => addSection(s));
    $('form-editor').hidden = false;
    $('form-status').textContent = '';
  }
  $('new-form').addEventListener('click', () => openEditor(null));
  $('cancel-form').addEventListener('click', () => { $('form-editor').hidden = true; editing = null; });
  $('add-section').addEventListener('click', () => addSection({ title: '', criteria: [null] }));

  function addSection(s) {
    const box = el('div', null, 'section-edit');
    const title = el('label');
    title.appendChild(tr('span', 'sectionTitle'));
    const input = el('input', null, 'section-title');
    input.required = true;
    input.value = s.title;
    title.appendChild(input);
    box.appendChild(title);
    const list = el('div', null, 'criteria');
    box.appendChild(list);
    (s.criteria.length ? s.criteria : [null]).forEach(c => addCriterion(list, c));
    const row = el('div', null, 'row');
    row.appendChild(button('addCriterion', 'small ghost add-criterion', () => addCriterion(list, null)));
    row.appendChild(button('removeSection', 'small ghost remove-section', () => box.remove()));
    box.appendChild(row);
    $('f-sections').appendChild(box);
  }

  function addCriterion(list, c) {
    const row = el('div', null, 'criterion-edit row');
    row.dataset.id = c ? c.id : '';
    const text = el('input', null, 'c-text grow');
    text.required = true;
    text.dataset.tp = 'criterion';
    text.placeholder = t('criterion');
    text.value = c ? c.text : '';
    const weight = el('input', null, 'c-weight');
    weight.inputMode = 'decimal';
    weight.value = num(c ? c.weight : 1);
    weight.title = t('weight');
    const scale = el('select', null, 'c-scale');
    ['yes-no', '1-5'].forEach(code => { const o = tr('option', code); o.value = code; scale.appendChild(o); });
    scale.value = c ? c.scale : 'yes-no';
    const critical = el('label', null, 'check');
    const box = el('input', null, 'c-critical');
    box.type = 'checkbox';
    box.checked = !!(c && c.critical);
    critical.appendChild(box);
    critical.appendChild(tr('span', 'critical'));
    const weightLabel = el('label', null, 'check');
    weightLabel.appendChild(tr('span', 'weight'));
    weightLabel.appendChild(weight);
    [text, weightLabel, scale, critical].forEach(x => row.appendChild(x));
    row.appendChild(button('remove', 'small ghost remove-criterion', () => row.remove()));
    list.appendChild(row);
  }

  // new criteria get the first free id c1, c2, ... so an edit never renames the ones evaluations answered
  function collectForm() {
    const rows = [...document.querySelectorAll('#f-sections .criterion-edit')];
    const used = new Set(rows.map(r => r.dataset.id).filter(id => id));
    let n = 1;
    const freshId = () => { while (used.has('c' + n)) { n++; } used.add('c' + n); return 'c' + n; };
    return {
      name: $('f-name').value,
      sections: [...document.querySelectorAll('#f-sections .section-edit')].map(s => ({
        title: s.querySelector('.section-title').value,
        criteria: [...s.querySelectorAll('.criterion-edit')].map(r => ({
          id: r.dataset.id || (r.dataset.id = freshId()),
          text: r.querySelector('.c-text').value,
          weight: Number(asciiDigits(r.querySelector('.c-weight').value).replace('٫', '.')),
          scale: r.querySelector('.c-scale').value,
          critical: r.querySelector('.c-critical').checked
        }))
      }))
    };
  }

  $('form-editor').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      const saved = await api(editing ? 'PUT' : 'POST', '/api/quality/forms' + (editing ? '/' + editing : ''), collectForm());
      status('form-status', true, t('saved') + ': ' + saved.name + ' (' + t('version') + ' ' + num(saved.version) + ')');
      $('form-editor').hidden = true;
      editing = null;
      loadForms();
    } catch (e) { status('form-status', false, e.message); }
  });

  // ---- calls to review (supervisors and admins) ----
  async function loadCalls() {
    const q = [['agent', $('r-agent').value.trim()], ['from', $('r-from').value], ['to', $('r-to').value]]
      .filter(([, v]) => v).map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');
    try {
      calls = (await api('GET', '/api/quality/calls' + (q ? '?' + q : ''))).calls;
      renderCalls();
      $('review-status').textContent = '';
      document.body.dataset.calls = 'loaded';
    } catch (e) { status('review-status', false, e.message); }
  }
  $('call-filter').addEventListener('submit', ev => { ev.preventDefault(); loadCalls(); });

  function renderCalls() {
    const rows = clear($('call-rows'));
    $('no-calls').hidden = calls.length > 0;
    calls.forEach(c => {
      const row = el('tr');
      row.dataset.call = c.interactionId;
      row.classList.toggle('selected', !!(review && review.call.interactionId === c.interactionId));
      [when(c.offeredAt), c.agentId, c.queue, c.callerName || num(c.callerNumber), c.disposition, num(c.evaluations)]
        .forEach((v, i) => row.appendChild(el('td', v, ['when', 'agent', 'queue', 'caller', 'disposition', 'evaluations'][i])));
      const actions = el('td');
      actions.appendChild(button('reviewCall', 'small review', () => openCall(c.interactionId)));
      row.appendChild(actions);
      rows.appendChild(row);
    });
  }

  async function openCall(id) {
    try {
      review = await api('GET', '/api/quality/calls/' + encodeURIComponent(id));
    } catch (e) { status('review-status', false, e.message); return; }
    const select = clear($('s-form'));
    review.forms.forEach(f => { const o = el('option', f.name); o.value = f.id; select.appendChild(o); });
    $('no-forms').hidden = review.forms.length > 0;
    chooseForm(review.forms[0] || null);
    $('s-comment').value = '';
    $('evaluation-status').textContent = '';
    $('scoring').hidden = false;
    renderCall();
    renderCalls();
    loadRecordings(id);
    document.body.dataset.scoring = id;
  }
  $('s-form').addEventListener('change', () => chooseForm(review.forms.find(f => String(f.id) === $('s-form').value)));

  function renderCall() {
    const c = review.call;
    $('s-call').textContent = [when(c.offeredAt), t('agent') + ' ' + c.agentId, c.queue ? t('queue') + ' ' + c.queue : '',
      t('caller') + ' ' + (c.callerName ? c.callerName + ' ' : '') + num(c.callerNumber)].filter(x => x).join(' · ');
    const list = clear($('call-evaluations'));
    review.evaluations.forEach(e => list.appendChild(el('li', when(e.createdAt) + ' · ' + e.formName + ' · '
      + e.evaluator + ' · ' + scoreText(e.score) + (e.failed ? ' · ' + t('failedForm') : ''))));
  }

  // the recordings library answers 404 until it is installed, and for calls not recorded
  async function loadRecordings(id) {
    const box = clear($('recordings'));
    let list = [];
    try { list = await api('GET', '/api/calls/' + encodeURIComponent(id) + '/recordings'); } catch (e) { list = []; }
    const playable = (Array.isArray(list) ? list : []).filter(r => !r.deleted && r.url);
    playable.forEach(r => {
      const item = el('div', null, 'recording');
      item.appendChild(el('div', when(r.startedAt) + (r.endReason ? ' · ' + r.endReason : ''), 'muted'));
      const audio = el('audio');
      audio.controls = true;
      audio.preload = 'none';
      audio.src = r.url;
      item.appendChild(audio);
      box.appendChild(item);
    });
    if (!playable.length) { box.appendChild(tr('p', 'noRecording', 'muted no-recording')); }
    box.dataset.recordings = playable.length ? String(playable.length) : 'none';
  }

  function chooseForm(f) {
    form = f;
    answers = {};
    const box = clear($('s-criteria'));
    if (f) {
      f.sections.forEach(s => {
        box.appendChild(el('h3', s.title));
        s.criteria.forEach(c => box.appendChild(criterionInput(c)));
      });
    }
    updateLive();
  }

  function criterionInput(c) {
    const item = el('div', null, 'criterion');
    item.dataset.criterion = c.id;
    const head = el('div');
    head.appendChild(el('span', c.text, 'text'));
    if (c.critical) { head.appendChild(tr('span', 'critical', 'badge')); }
    item.appendChild(head);
    const choices = el('div', null, 'choices');
    const options = c.scale === 'yes-no' ? [['yes', 'yes'], ['no', 'no']] : ['1', '2', '3', '4', '5'].map(n => [n, null]);
    options.concat([['n/a', 'na']]).forEach(([value, key]) => {
      const label = el('label');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = 'answer-' + c.id;
      radio.value = value;
      radio.addEventListener('change', () => { answers[c.id] = value; updateLive(); });
      label.appendChild(radio);
      const text = key ? tr('span', key) : el('span', num(value));
      if (!key) { text.dataset.num = value; }
      label.appendChild(text);
      choices.appendChild(label);
    });
    item.appendChild(choices);
    const comment = el('input', null, 'comment');
    comment.dataset.tp = 'comment';
    comment.placeholder = t('comment');
    comment.maxLength = 4000;
    item.appendChild(comment);
    return item;
  }

  function updateLive() {
    const s = form ? Quality.score(form, answers) : null;
    $('live-score').textContent = s ? scoreText(s.percent) : '-';
    $('live-score').dataset.score = s ? String(s.percent) : '';
    $('live-missing').textContent = s && s.missing ? '(' + num(s.missing) + ' ' + t('unanswered') + ')' : '';
    $('live-failed').hidden = !(s && s.failed);
    if (s && s.failed) {
      const names = s.failedCritical.map(id => form.sections.flatMap(x => x.criteria).find(c => c.id === id).text);
      $('live-failed').textContent = t('failedForm') + ': ' + names.join('، ');
    }
  }

  $('save-evaluation').addEventListener('click', async () => {
    if (!review || !form) { return; }
    const comments = {};
    document.querySelectorAll('#s-criteria .criterion').forEach(d => {
      const v = d.querySelector('input.comment').value.trim();
      if (v) { comments[d.dataset.criterion] = v; }
    });
    try {
      const saved = await api('POST', '/api/quality/evaluations', { interactionId: review.call.interactionId,
        formId: form.id, formVersion: form.version, answers, comments, comment: $('s-comment').value });
      status('evaluation-status', true, t('saved') + ': ' + scoreText(saved.score));
      review = await api('GET', '/api/quality/calls/' + encodeURIComponent(review.call.interactionId));
      renderCall();
      loadCalls();
    } catch (e) { status('evaluation-status', false, e.message); }
  });

  // ---- my evaluations (agents) ----
  let mine = [];
  async function loadMine() {
    // a year back, one day short of the server's longest range: the browser's date (UTC here) may be a day behind
    // the center's, where the server counts the range to today
    const from = new Date(Date.now() - 364 * 86400000).toISOString().slice(0, 10);
    try {
      mine = (await api('GET', '/api/quality/evaluations?from=' + from)).evaluations;
      renderMine();
      document.body.dataset.mine = 'loaded';
    } catch (e) { showError(e.message); }
  }

  function renderMine() {
    const rows = clear($('my-evaluations'));
    $('no-evaluations').hidden = mine.length > 0;
    mine.forEach(e => {
      const row = el('tr');
      row.dataset.evaluation = e.id;
      [when(e.createdAt), e.formName, e.evaluator, e.queue].forEach(v => row.appendChild(el('td', v)));
      const score = el('td', scoreText(e.score), 'score' + (e.failed ? ' error' : ''));
      score.dataset.score = String(e.score);
      row.appendChild(score);
      row.appendChild(el('td', e.comment, 'comment'));
      row.addEventListener('click', () => openMine(e.id));
      rows.appendChild(row);
    });
  }

  async function openMine(id) {
    try {
      const e = await api('GET', '/api/quality/evaluations/' + id);
      $('d-title').textContent = e.form.name + ' · ' + t('score') + ' ' + scoreText(e.score)
        + (e.failed ? ' · ' + t('failedForm') : '');
      const rows = clear($('d-answers'));
      e.form.sections.forEach(s => s.criteria.forEach(c => {
        const a = e.answers[c.id];
        const row = el('tr');
        row.dataset.criterion = c.id;
        row.appendChild(el('td', c.text));
        row.appendChild(a === 'yes' || a === 'no' ? tr('td', a) : a === 'n/a' ? tr('td', 'na') : el('td', num(a)));
        row.appendChild(el('td', e.comments[c.id] || ''));
        rows.appendChild(row);
      }));
      $('my-detail').hidden = false;
    } catch (err) { showError(err.message); }
  }

  function showError(text) { $('page-error').textContent = text; $('page-error').hidden = false; }

  api('GET', '/api/session').then(m => {
    me = m;
    lang = me.language || 'en';
    $('who').textContent = me.name + ' (' + me.role + ')';
    const reviewer = me.role === 'supervisor' || me.role === 'admin';
    $('forms-admin').hidden = me.role !== 'admin';
    $('review').hidden = !reviewer;
    $('mine').hidden = !me.agentId;
    applyLanguage();
    if (me.role === 'admin') { loadForms(); }
    if (reviewer) { loadCalls(); }
    if (me.agentId) { loadMine(); }
    document.body.dataset.quality = 'ready';
  }).catch(() => { location.href = './'; });
}());
