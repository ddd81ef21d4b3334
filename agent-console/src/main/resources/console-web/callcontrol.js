'use strict';
// Call control on the agent's current call: the bar of buttons (with Alt shortcuts), the transfer dialog, who
// transferred a call to me, and on the supervisor's agent grid take-over and recording pause. Follows the live
// channel through console.js's 'console-live' event; asks the server with POST /api/calls/{id}/control.
(function () {
  Object.assign(I18N.en, {
    ccBar: 'Call control', ccHold: 'Hold', ccResume: 'Resume', ccTransfer: 'Transfer…', ccConsult: 'Consult…',
    ccComplete: 'Complete transfer', ccCancelConsult: 'Cancel consultation', ccConference: 'Conference…',
    ccLeave: 'Leave conference', ccHangup: 'Hang up', ccRecordStart: 'Record', ccRecordPause: 'Pause recording',
    ccRecordResume: 'Resume recording', ccRecordStop: 'Stop recording', ccTakeOver: 'Take over',
    'cc-ringing': 'Ringing: the controls work once the call is answered', 'cc-talking': 'Talking', 'cc-held': 'On hold: the caller hears music', 'cc-consulting': 'Consulting',
    'cc-conference': 'Conference', 'cc-transferring': 'Transferring the caller', 'cc-ended': 'Call ended',
    'rec-off': 'not recorded', 'rec-on': 'recording', 'rec-paused': 'recording paused', ccWith: 'with',
    transferredBy: 'Transferred by', ccDialogTitle: 'Transfer, consult or conference', ccWhat: 'What to do',
    ccBlind: 'Transfer now (blind)', ccConsultMode: 'Consult first (warm transfer)', ccConferenceMode: 'Conference (three-way)',
    ccTo: 'To', ccAgent: 'An agent', ccQueue: 'A queue', ccNumber: 'An external number', ccNotes: 'Notes for the next agent',
    ccGo: 'Go', ccClose: 'Close', ccNoAgents: 'No other agents', ccNoQueues: 'No queues',
    'err-no-such-call': 'This call no longer exists', 'err-not-your-call': 'This is not your call',
    'err-bad-request': 'The request was not understood', 'err-bad-state': 'Not possible in the call\'s state now',
    'err-agent-unavailable': 'The agent is not available', 'err-no-such-queue': 'There is no such queue',
    'err-number-refused': 'Number refused', 'err-telephony': 'The telephone system refused',
    'err-no-reply': 'Call control did not answer in time', 'err-not-running': 'Call control is not running',
    'err-network': 'The server could not be reached', ccDone: 'Done'
  });
  Object.assign(I18N.fa, {
    ccBar: 'کنترل تماس', ccHold: 'نگه‌داشتن', ccResume: 'ادامه', ccTransfer: 'انتقال…', ccConsult: 'مشورت…',
    ccComplete: 'تکمیل انتقال', ccCancelConsult: 'لغو مشورت', ccConference: 'کنفرانس…',
    ccLeave: 'ترک کنفرانس', ccHangup: 'قطع تماس', ccRecordStart: 'ضبط', ccRecordPause: 'توقف ضبط',
    ccRecordResume: 'ادامه ضبط', ccRecordStop: 'پایان ضبط', ccTakeOver: 'در دست گرفتن تماس',
    'cc-ringing': 'در حال زنگ: پس از پاسخ، دکمه‌ها کار می‌کنند', 'cc-talking': 'در مکالمه', 'cc-held': 'در انتظار: تماس‌گیرنده موسیقی می‌شنود', 'cc-consulting': 'در حال مشورت',
    'cc-conference': 'کنفرانس', 'cc-transferring': 'در حال انتقال تماس‌گیرنده', 'cc-ended': 'تماس پایان یافت',
    'rec-off': 'ضبط نمی‌شود', 'rec-on': 'در حال ضبط', 'rec-paused': 'ضبط متوقف است', ccWith: 'با',
    transferredBy: 'انتقال از', ccDialogTitle: 'انتقال، مشورت یا کنفرانس', ccWhat: 'چه کنیم',
    ccBlind: 'انتقال فوری (بی‌واسطه)', ccConsultMode: 'نخست مشورت (انتقال گرم)', ccConferenceMode: 'کنفرانس (سه‌نفره)',
    ccTo: 'به', ccAgent: 'یک کارشناس', ccQueue: 'یک صف', ccNumber: 'یک شماره بیرونی', ccNotes: 'یادداشت برای کارشناس بعدی',
    ccGo: 'انجام', ccClose: 'بستن', ccNoAgents: 'کارشناس دیگری نیست', ccNoQueues: 'صفی نیست',
    'err-no-such-call': 'این تماس دیگر وجود ندارد', 'err-not-your-call': 'این تماس شما نیست',
    'err-bad-request': 'درخواست نامفهوم بود', 'err-bad-state': 'در وضعیت کنونی تماس ممکن نیست',
    'err-agent-unavailable': 'کارشناس آماده نیست', 'err-no-such-queue': 'چنین صفی نیست',
    'err-number-refused': 'شماره پذیرفته نشد', 'err-telephony': 'سامانه تلفن نپذیرفت',
    'err-no-reply': 'کنترل تماس به‌موقع پاسخ نداد', 'err-not-running': 'کنترل تماس در دسترس نیست',
    'err-network': 'دسترسی به سرور ممکن نشد', ccDone: 'انجام شد'
  });

  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;
  const num = n => lang() === 'fa' ? faDigits(n) : String(n);

  let me = null;
  let pop = null;
  /** The last control state heard of each call: it may come before the call's pop does. */
  const heard = new Map();
  // the last control state of my current call: talking, held, consulting, conference, transferring, ended
  let call = { state: 'talking', recording: 'off', party: '' };
  // supervisors: the last control state of each agent's call, by agent id
  const byAgent = new Map();
  let gridWatched = false;

  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'callcontrol.css';
  document.head.appendChild(link);

  // ---- asking the server ----
  // the reply's error code, its sentence and the call's state are all kept (Page.call keeps the first only)
  async function control(interactionId, intent, targetKind, target, notes) {
    let r;
    try {
      r = await fetch('/api/calls/' + encodeURIComponent(interactionId) + '/control', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': me ? me.csrfToken : '' },
        body: JSON.stringify({ intent, targetKind: targetKind || '', target: target || '', notes: notes || '' })
      });
    } catch (e) {
      return { ok: false, error: 'network', message: '' };
    }
    let body = {};
    try { body = await r.json(); } catch (e) { body = {}; }
    return { ok: r.ok, error: body.error || '', message: body.message || '', state: body.state || null };
  }

  function words(result) {
    const what = t('err-' + result.error);
    return result.message && result.message !== what ? what + ': ' + result.message : what;
  }

  // ---- the bar ----
  const buttons = {};
  const BAR = [
    // id, label key, shortcut key code, action
    ['hold', 'ccHold', 'KeyH', () => send(call.state === 'held' ? 'resume' : 'hold')],
    ['transfer', 'ccTransfer', 'KeyT', () => openDialog('transfer')],
    ['consult', 'ccConsult', '', () => openDialog('consult')],
    ['complete', 'ccComplete', 'KeyK', () => send('consult-complete')],
    ['cancel', 'ccCancelConsult', 'KeyQ', () => send('consult-cancel')],
    ['conference', 'ccConference', 'KeyC', () => openDialog('conference')],
    ['leave', 'ccLeave', 'KeyL', () => send('leave-conference')],
    ['hangup', 'ccHangup', 'KeyX', () => send('hangup')],
    ['record', 'ccRecordStart', 'KeyR', () => send(call.recording === 'on' ? 'record-pause'
      : call.recording === 'paused' ? 'record-resume' : 'record-start')],
    ['record-stop', 'ccRecordStop', '', () => send('record-stop')]
  ];

  function buildBar() {
    if ($('call-control') || !$('pop')) { return; }
    const bar = el('section', null, 'panel cc-bar');
    bar.id = 'call-control';
    bar.setAttribute('role', 'toolbar');
    const status = el('p', null, 'row');
    const state = el('strong');
    state.id = 'cc-state';
    state.setAttribute('aria-live', 'polite');
    const rec = el('span', null, 'muted');
    rec.id = 'cc-recording';
    status.appendChild(state);
    status.appendChild(rec);
    bar.appendChild(status);
    const row = el('div', null, 'row');
    BAR.forEach(([id, , , action]) => {
      const b = el('button', '', id === 'hangup' ? 'danger' : 'ghost');
      b.type = 'button';
      b.id = 'cc-' + id;
      b.addEventListener('click', action);
      buttons[id] = b;
      row.appendChild(b);
    });
    bar.appendChild(row);
    const err = el('p', null, 'error');
    err.id = 'cc-error';
    err.setAttribute('role', 'alert');
    bar.appendChild(err);
    $('pop').insertBefore(bar, $('pop').firstChild);
    const by = el('p', null, 'transferred');
    by.id = 'transferred-by';
    by.hidden = true;
    $('caller-name').insertAdjacentElement('afterend', by);
  }

  function enabled(id) {
    const s = call.state;
    const live = s !== 'ended' && s !== 'transferring' && s !== 'ringing';
    switch (id) {
      case 'hold': return s === 'talking' || s === 'held';
      case 'transfer': case 'consult': case 'conference': return s === 'talking' || s === 'held';
      case 'complete': case 'cancel': return s === 'consulting';
      case 'leave': return s === 'conference';
      case 'hangup': return live;
      case 'record': return live;
      case 'record-stop': return live && call.recording !== 'off';
      default: return false;
    }
  }

  function label(id, key) {
    if (id === 'hold') { return t(call.state === 'held' ? 'ccResume' : 'ccHold'); }
    if (id === 'record') {
      return t(call.recording === 'on' ? 'ccRecordPause' : call.recording === 'paused' ? 'ccRecordResume' : 'ccRecordStart');
    }
    return t(key);
  }

  function renderBar() {
    if (!$('call-control')) { return; }
    $('call-control').setAttribute('aria-label', t('ccBar'));
    $('call-control').dataset.state = call.state;
    $('call-control').dataset.recording = call.recording;
    $('cc-state').textContent = t('cc-' + call.state) + (call.party ? ' ' + t('ccWith') + ' ' + num(call.party) : '');
    $('cc-recording').textContent = '· ' + t('rec-' + call.recording);
    BAR.forEach(([id, key, code]) => {
      const b = buttons[id];
      b.textContent = label(id, key);
      b.title = b.textContent + (code ? ' (Alt+' + code.slice(3) + ')' : '');
      if (code) { b.setAttribute('aria-keyshortcuts', 'Alt+' + code.slice(3)); }
      b.disabled = !enabled(id);
    });
    const by = $('transferred-by');
    const data = (pop && pop.data) || {};
    by.hidden = !data.transferredBy;
    // text only: the notes were typed by another agent
    by.textContent = data.transferredBy ? t('transferredBy') + ' ' + data.transferredBy
      + (data.transferNotes ? ': ' + data.transferNotes : '') : '';
  }

  function callId() { return pop ? (pop.interactionId || pop.id) : ''; }

  async function send(intent, targetKind, target, notes) {
    if (!pop) { return null; }
    $('cc-error').textContent = '';
    const r = await control(callId(), intent, targetKind, target, notes);
    if (r.state && r.state.interactionId === callId()) { setState(r.state); }
    if (!r.ok) { $('cc-error').textContent = words(r); }
    return r;
  }

  /** A page reloaded mid-call: ask what the call is now rather than wait for its next change. */
  async function askState(id) {
    try {
      const r = await fetch('/api/calls/' + encodeURIComponent(id) + '/control', { credentials: 'same-origin' });
      if (r.ok) {
        const s = await r.json();
        if (pop && callId() === id && call.state === 'ringing') { setState(s); }
      }
    } catch (e) {
      // the next change will tell
    }
  }

  function setState(s) {
    call = { state: s.state || 'talking', recording: s.recording || 'off', party: s.party || '' };
    renderBar();
  }

  // Alt+letter by the key's position, so the shortcuts work on a Persian keyboard layout too
  document.addEventListener('keydown', ev => {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey || !pop || $('pop').hidden) { return; }
    const target = ev.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    if ($('transfer-dialog') && $('transfer-dialog').open) { return; }
    const entry = BAR.find(([, , code]) => code && code === ev.code);
    if (!entry) { return; }
    ev.preventDefault();
    if (!buttons[entry[0]].disabled) { entry[3](); }
  });

  // ---- the transfer dialog ----
  let targets = { agents: [], queues: [] };

  function buildDialog() {
    if ($('transfer-dialog')) { return; }
    const d = document.createElement('dialog');
    d.id = 'transfer-dialog';
    d.setAttribute('aria-labelledby', 'td-title');
    const form = el('form');
    form.id = 'transfer-form';
    const h = el('h2');
    h.id = 'td-title';
    form.appendChild(h);
    const what = labelled('td-mode-label', el('select'), 'td-mode');
    ['blind', 'consult', 'conference'].forEach(v => { const o = el('option'); o.value = v; what.control.appendChild(o); });
    form.appendChild(what.label);
    const kinds = el('fieldset');
    const legend = el('legend');
    legend.id = 'td-to';
    kinds.appendChild(legend);
    ['agent', 'queue', 'number'].forEach(k => {
      const l = el('label', null, 'check');
      const r = el('input');
      r.type = 'radio';
      r.name = 'td-kind';
      r.value = k;
      r.id = 'td-kind-' + k;
      l.appendChild(r);
      l.appendChild(el('span'));
      kinds.appendChild(l);
    });
    form.appendChild(kinds);
    const agent = labelled('td-agent-label', el('select'), 'td-agent');
    const queue = labelled('td-queue-label', el('select'), 'td-queue');
    const number = labelled('td-number-label', el('input'), 'td-number');
    number.control.inputMode = 'tel';
    number.control.autocomplete = 'off';
    [agent, queue, number].forEach(x => form.appendChild(x.label));
    const notes = labelled('td-notes-label', el('textarea'), 'td-notes');
    notes.control.rows = 3;
    form.appendChild(notes.label);
    const err = el('p', null, 'error');
    err.id = 'td-error';
    err.setAttribute('role', 'alert');
    form.appendChild(err);
    const row = el('div', null, 'row');
    const go = el('button');
    go.type = 'submit';
    go.id = 'td-go';
    const close = el('button', null, 'ghost');
    close.type = 'button';
    close.id = 'td-close';
    row.appendChild(go);
    row.appendChild(close);
    form.appendChild(row);
    d.appendChild(form);
    document.body.appendChild(d);

    what.control.addEventListener('change', syncDialog);
    kinds.addEventListener('change', syncDialog);
    close.addEventListener('click', () => d.close());
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      await submitDialog();
    });
    // keep Tab inside the dialog: from the last control back to the first, and the other way
    d.addEventListener('keydown', ev => {
      if (ev.key !== 'Tab') { return; }
      const focusable = [...d.querySelectorAll('select, input, textarea, button')]
        .filter(x => !x.disabled && !x.closest('[hidden]') && x.offsetParent !== null);
      if (!focusable.length) { return; }
      const first = focusable[0], last = focusable[focusable.length - 1];
      if (ev.shiftKey && document.activeElement === first) { ev.preventDefault(); last.focus(); }
      else if (!ev.shiftKey && document.activeElement === last) { ev.preventDefault(); first.focus(); }
    });
    d.addEventListener('close', () => { if (buttons.transfer) { buttons.transfer.focus(); } });
  }

  function labelled(labelId, control, id) {
    const label = el('label');
    const span = el('span');
    span.id = labelId;
    control.id = id;
    label.appendChild(span);
    label.appendChild(control);
    return { label, control };
  }

  function renderDialog() {
    if (!$('transfer-dialog')) { return; }
    $('td-title').textContent = t('ccDialogTitle');
    $('td-mode-label').textContent = t('ccWhat');
    const modes = { blind: 'ccBlind', consult: 'ccConsultMode', conference: 'ccConferenceMode' };
    [...$('td-mode').options].forEach(o => { o.textContent = t(modes[o.value]); });
    $('td-to').textContent = t('ccTo');
    ['agent', 'queue', 'number'].forEach(k => {
      $('td-kind-' + k).nextSibling.textContent = t({ agent: 'ccAgent', queue: 'ccQueue', number: 'ccNumber' }[k]);
    });
    $('td-agent-label').textContent = t('ccAgent');
    $('td-queue-label').textContent = t('ccQueue');
    $('td-number-label').textContent = t('ccNumber');
    $('td-notes-label').textContent = t('ccNotes');
    $('td-go').textContent = t('ccGo');
    $('td-close').textContent = t('ccClose');
    const agents = clear($('td-agent'));
    targets.agents.forEach(a => {
      const stateWord = t(a.state + '-state') + (a.reason ? ' (' + a.reason + ')' : '');
      const o = el('option', a.name + ' · ' + a.agentId + ' — ' + stateWord);
      o.value = a.agentId;
      o.disabled = !a.available;
      o.dataset.state = a.state;
      agents.appendChild(o);
    });
    if (!targets.agents.length) { const o = el('option', t('ccNoAgents')); o.value = ''; o.disabled = true; agents.appendChild(o); }
    const firstAvailable = [...agents.options].find(o => !o.disabled);
    agents.value = firstAvailable ? firstAvailable.value : '';
    const queues = clear($('td-queue'));
    targets.queues.forEach(q => { const o = el('option', q.name); o.value = q.name; queues.appendChild(o); });
    if (!targets.queues.length) { const o = el('option', t('ccNoQueues')); o.value = ''; o.disabled = true; queues.appendChild(o); }
    syncDialog();
  }

  // a queue takes blind transfers only; the chosen kind shows its own field
  function syncDialog() {
    const mode = $('td-mode').value;
    const queueRadio = $('td-kind-queue');
    queueRadio.disabled = mode !== 'blind';
    if (queueRadio.disabled && queueRadio.checked) { $('td-kind-agent').checked = true; }
    const kind = (document.querySelector('input[name="td-kind"]:checked') || {}).value || 'agent';
    $('td-kind-' + kind).checked = true;
    $('td-agent').closest('label').hidden = kind !== 'agent';
    $('td-queue').closest('label').hidden = kind !== 'queue';
    $('td-number').closest('label').hidden = kind !== 'number';
  }

  async function openDialog(mode) {
    if (!pop) { return; }
    buildDialog();
    $('td-error').textContent = '';
    $('td-mode').value = mode === 'transfer' ? 'blind' : mode;
    $('td-notes').value = $('notes') ? $('notes').value : '';
    try { targets = await Page.call('GET', '/api/transfer-targets'); }
    catch (e) { targets = { agents: [], queues: [] }; $('td-error').textContent = e.message; }
    renderDialog();
    $('transfer-dialog').showModal();
    $('td-mode').focus();
  }

  async function submitDialog() {
    const mode = $('td-mode').value;
    const kind = document.querySelector('input[name="td-kind"]:checked').value;
    const target = kind === 'agent' ? $('td-agent').value : kind === 'queue' ? $('td-queue').value
      : asciiDigits($('td-number').value.trim());
    const intent = mode === 'blind' ? 'transfer' : mode;
    $('td-error').textContent = '';
    const r = await send(intent, kind, target, $('td-notes').value);
    if (!r) { return; }
    if (r.ok) { $('transfer-dialog').close(); }
    else { $('td-error').textContent = words(r); $('cc-error').textContent = ''; }
  }

  // ---- the supervisor's agent grid: take over, pause or resume the recording of an agent's call ----
  function decorateGrid() {
    const rows = $('agent-rows');
    if (!rows) { return; }
    rows.querySelectorAll('tr[data-agent]').forEach(tr => {
      const onCall = !!tr.querySelector('td[data-state="on-call"]');
      const cell = tr.lastElementChild;
      if (!onCall || !cell || cell.querySelector('.cc-takeover')) { return; }
      const agentId = tr.dataset.agent;
      const take = el('button', t('ccTakeOver'), 'small ghost cc-takeover');
      take.type = 'button';
      take.addEventListener('click', () => supervise(agentId, () => 'take-over'));
      const rec = el('button', '', 'small ghost cc-rec');
      rec.type = 'button';
      rec.addEventListener('click', () => supervise(agentId, s => s && s.recording === 'paused' ? 'record-resume' : 'record-pause'));
      cell.appendChild(take);
      cell.appendChild(rec);
      labelGridRow(tr);
    });
  }

  function labelGridRow(tr) {
    const s = byAgent.get(tr.dataset.agent);
    const rec = tr.querySelector('.cc-rec');
    if (rec) { rec.textContent = t(s && s.recording === 'paused' ? 'ccRecordResume' : 'ccRecordPause'); }
    const take = tr.querySelector('.cc-takeover');
    if (take) { take.textContent = t('ccTakeOver'); }
  }

  async function supervise(agentId, intentOf) {
    const status = $('supervisor-status');
    try {
      const current = await Page.call('GET', '/api/supervisor/agents/' + encodeURIComponent(agentId) + '/call');
      if (current.state) { byAgent.set(agentId, current.state); }
      const r = await control(current.interactionId, intentOf(current.state), '', '', '');
      if (r.state) { byAgent.set(agentId, r.state); }
      status.textContent = r.ok ? t('ccDone') : words(r);
      status.className = r.ok ? 'ok' : 'error';
    } catch (e) {
      status.textContent = e.message;
      status.className = 'error';
    }
    document.querySelectorAll('#agent-rows tr[data-agent]').forEach(labelGridRow);
  }

  // ---- following the page ----
  document.addEventListener('console-live', async ev => {
    const m = ev.detail;
    if (m.type === 'hello') {
      try { me = await Page.call('GET', '/api/session'); } catch (e) { me = null; }
      if ($('agent-rows') && !gridWatched) {
        gridWatched = true;
        new MutationObserver(decorateGrid).observe($('agent-rows'), { childList: true });
        decorateGrid();
      }
    } else if (m.type === 'pop') {
      buildBar();
      pop = m.pop;
      // nothing to control until call control says the call is connected (the pop comes while the phone rings)
      call = { state: 'ringing', recording: 'off', party: '' };
      $('cc-error').textContent = '';
      const known = heard.get(callId());
      if (known) { setState(known); } else { renderBar(); askState(callId()); }
    } else if (m.type === 'call-control') {
      byAgent.set(m.agentId, m);
      heard.set(m.interactionId, m);
      if (heard.size > 200) { heard.delete(heard.keys().next().value); }
      const row = document.querySelector('#agent-rows tr[data-agent="' + CSS.escape(m.agentId) + '"]');
      if (row) { labelGridRow(row); }
      if (pop && m.interactionId === callId()) {
        // taken over or handed to another agent: for me the call is over
        setState(me && me.agentId && m.agentId && m.agentId !== me.agentId ? Object.assign({}, m, { state: 'ended' }) : m);
      }
    }
  });

  // console.js switches the language on <html lang>: follow it
  new MutationObserver(() => {
    renderBar();
    renderDialog();
    document.querySelectorAll('#agent-rows tr[data-agent]').forEach(labelGridRow);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}());
