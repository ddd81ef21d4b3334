'use strict';
// Call recordings in the console: under each call of the timeline that has recordings the user may hear, one player
// and a download link per file, with when it started and why it ended. The server decides who may hear what (a 403
// simply shows nothing); the browser fetches the WAV with range requests as the listener seeks. On call.html this
// file also draws the call view: the call's story and its recordings, for supervisors and the call's own agent.
Object.assign(I18N.en, {
  recordings: 'Recordings', recordingStarted: 'started', download: 'Download', callView: 'Call',
  callId: 'Call id', open: 'Open', noRecordings: 'No recordings of this call.', recordingDeleted: 'deleted',
  'rec-paused': 'paused', 'rec-stopped': 'stopped', 'rec-ended': 'call ended', 'rec-failed': 'failed',
  'rec-open': 'still recording or cut off'
});
Object.assign(I18N.fa, {
  recordings: 'ضبط‌ها', recordingStarted: 'شروع', download: 'دریافت', callView: 'تماس',
  callId: 'شناسهٔ تماس', open: 'باز کن', noRecordings: 'از این تماس ضبطی نیست.', recordingDeleted: 'حذف شده',
  'rec-paused': 'مکث شد', 'rec-stopped': 'متوقف شد', 'rec-ended': 'تماس پایان یافت', 'rec-failed': 'ناموفق',
  'rec-open': 'در حال ضبط یا قطع‌شده'
});

window.Recordings = (function () {
  const { el, clear } = Page;

  function t(lang, key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }

  function time(iso, lang) {
    const d = new Date(iso);
    return new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB',
      { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .format(d);
  }

  // The call's files, or [] when there are none or the user may not hear them.
  async function load(callId) {
    try {
      const list = await Page.call('GET', '/api/calls/' + encodeURIComponent(callId) + '/recordings');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }

  // One list item per file: when it started, why it ended, a player and a download link (none once deleted).
  function list(files, lang) {
    const ul = el('ul', null, 'recordings');
    files.forEach(f => {
      const li = el('li');
      li.dataset.file = f.file;
      const why = f.deleted ? t(lang, 'recordingDeleted') : t(lang, f.endReason ? 'rec-' + f.endReason : 'rec-open');
      li.appendChild(el('span', t(lang, 'recordingStarted') + ' ' + time(f.startedAt, lang) + ' · ' + why + ' ', 'date'));
      if (!f.deleted) {
        const audio = el('audio');
        audio.controls = true;
        audio.preload = 'metadata';
        audio.src = f.url;
        li.appendChild(audio);
        const a = el('a', t(lang, 'download'));
        a.href = f.url + '?download=1';
        a.setAttribute('download', '');
        li.appendChild(a);
      }
      ul.appendChild(li);
    });
    return ul;
  }

  // Adds a row with the recordings under each timeline row that names its call (data-interaction).
  function timeline(tbody, lang) {
    Array.from(tbody.querySelectorAll('tr[data-interaction]')).forEach(async tr => {
      const files = await load(tr.dataset.interaction);
      if (!files.length || !tr.parentNode) { return; }
      const row = el('tr', null, 'recording-row');
      row.dataset.recordingsOf = tr.dataset.interaction;
      const td = el('td');
      td.colSpan = tr.children.length || 1;
      td.appendChild(el('strong', t(lang, 'recordings') + ': '));
      td.appendChild(list(files, lang));
      row.appendChild(td);
      tr.parentNode.insertBefore(row, tr.nextSibling);
    });
  }

  // ---- call.html: one call's story and recordings ----
  function callView() {
    const $ = id => document.getElementById(id);
    let me = null;
    let lang = 'en';
    let call = null;
    let files = [];

    function render() {
      document.documentElement.lang = lang;
      document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
      document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(lang, e.dataset.t); });
      $('lang').textContent = lang === 'fa' ? 'English' : 'فارسی';
      $('call-line').textContent = call ? Story.line(call, { lang, me: me && me.agentId }) : '';
      const box = clear($('call-recordings'));
      if (call) { box.appendChild(files.length ? list(files, lang) : el('p', t(lang, 'noRecordings'))); }
    }

    async function show(id) {
      $('call-error').hidden = true;
      try {
        call = await Page.call('GET', '/api/calls/' + encodeURIComponent(id));
        files = await load(id);
        document.body.dataset.call = id;
      } catch (e) {
        call = null;
        files = [];
        $('call-error').textContent = e.message;
        $('call-error').hidden = false;
      }
      render();
    }

    $('lang').addEventListener('click', () => {
      lang = lang === 'fa' ? 'en' : 'fa';
      render();
      Page.call('POST', '/api/me/language', { language: lang }, me && me.csrfToken).catch(() => { /* this page only */ });
    });
    $('call-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const id = $('call-id').value.trim();
      history.replaceState(null, '', '?id=' + encodeURIComponent(id));
      show(id);
    });
    Page.call('GET', '/api/session').then(m => {
      me = m;
      lang = m.language || 'en';
      $('who').textContent = m.name + ' (' + m.role + ')';
      const id = new URLSearchParams(location.search).get('id');
      render();
      if (id) { $('call-id').value = id; show(id); }
    }).catch(() => { location.href = './'; });
  }

  // On the console page: a link to the call view beside the campaigns link, shown to the same people (supervisors
  // and admins), so the console's own files stay untouched.
  function callViewLink() {
    const campaigns = document.getElementById('campaigns-link');
    if (!campaigns) { return; }
    const a = el('a', t('en', 'callView'));
    a.id = 'call-view-link';
    a.href = 'call.html';
    a.dataset.t = 'callView';
    a.hidden = campaigns.hidden;
    campaigns.parentNode.insertBefore(a, campaigns.nextSibling);
    new MutationObserver(() => { a.hidden = campaigns.hidden; })
      .observe(campaigns, { attributes: true, attributeFilter: ['hidden'] });
  }

  if (document.body && document.body.dataset.page === 'call') { callView(); } else { callViewLink(); }
  return { load, list, timeline };
}());
