'use strict';
// The admin's webhooks panel (in the admin section): each subscription's progress (events behind, lag, failures,
// parked) and the dead-letter list, each parked event with a Replay button. Asks /api/admin/webhooks...; shown to
// admins only (the server refuses everyone else).
(function () {
  Object.assign(I18N.en, {
    whTitle: 'Webhooks', whNone: 'No webhook subscriptions (config/integration.yaml)', whRefresh: 'Refresh',
    whBehind: 'behind', whLag: 'lag', whFailures: 'failed attempts', whParked: 'parked', whLastError: 'last error',
    whDeadLetters: 'Dead letters', whNoDeadLetters: 'No parked events', whReplay: 'Replay',
    whReplayed: 'Delivered', whReplayFailed: 'Not delivered', whShowReplayed: 'Show replayed',
    whEvent: 'Event', whEntity: 'Entity', whParkedAt: 'Parked', whAttempts: 'Attempts', whReplayedBy: 'Replayed by',
    whUnavailable: 'Webhook delivery is not running on this server', whMs: 'ms'
  });
  Object.assign(I18N.fa, {
    whTitle: 'وب‌هوک‌ها', whNone: 'اشتراک وب‌هوکی تعریف نشده است (config/integration.yaml)', whRefresh: 'تازه‌سازی',
    whBehind: 'عقب', whLag: 'تأخیر', whFailures: 'تلاش ناموفق', whParked: 'کنار گذاشته', whLastError: 'آخرین خطا',
    whDeadLetters: 'رویدادهای تحویل‌نشده', whNoDeadLetters: 'رویداد کنارگذاشته‌ای نیست', whReplay: 'ارسال دوباره',
    whReplayed: 'تحویل شد', whReplayFailed: 'تحویل نشد', whShowReplayed: 'نمایش ارسال‌شده‌ها',
    whEvent: 'رویداد', whEntity: 'موجودیت', whParkedAt: 'زمان کنار گذاشتن', whAttempts: 'تلاش‌ها',
    whReplayedBy: 'ارسال دوباره توسط', whUnavailable: 'ارسال وب‌هوک روی این سرور فعال نیست', whMs: 'میلی‌ثانیه'
  });

  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;
  const when = iso => iso ? new Date(iso).toLocaleString(lang() === 'fa' ? 'fa-IR' : 'en-GB') : '';
  const num = n => Number(n).toLocaleString(lang() === 'fa' ? 'fa-IR' : 'en-US');

  let me = null;
  let subs = null;       // null: not loaded or unavailable
  let letters = [];
  let showReplayed = false;
  let status = '';
  let statusError = false;

  function panel() {
    let p = $('webhooks-panel');
    const grid = document.querySelector('#admin .grid');
    if (!p && grid) {
      p = el('section', null, 'panel');
      p.id = 'webhooks-panel';
      p.setAttribute('aria-live', 'polite');
      grid.appendChild(p);
    }
    return p;
  }

  function render() {
    const p = panel();
    if (!p) { return; }
    p.hidden = !me || me.role !== 'admin';
    clear(p);
    p.appendChild(el('h2', t('whTitle')));
    const refresh = el('button', t('whRefresh'), 'ghost');
    refresh.type = 'button';
    refresh.addEventListener('click', load);
    p.appendChild(refresh);
    if (subs === null) {
      p.appendChild(el('p', t('whUnavailable'), 'muted'));
      return;
    }
    if (subs.length === 0) { p.appendChild(el('p', t('whNone'), 'muted')); }
    const list = el('ul');
    list.id = 'webhook-subscriptions';
    subs.forEach(s => {
      const li = el('li');
      li.appendChild(el('strong', s.name));
      li.appendChild(el('span', ' ' + s.url + ' · ' + s.events.join(', '), 'muted'));
      li.appendChild(el('div', t('whBehind') + ': ' + num(s.behind) + ' · ' + t('whLag') + ': ' + num(s.lagMillis)
        + ' ' + t('whMs') + ' · ' + t('whFailures') + ': ' + num(s.failures) + ' · ' + t('whParked') + ': '
        + num(s.parked)));
      if (s.lastError) {
        const err = el('div', t('whLastError') + ': ' + s.lastError, 'muted');
        err.dir = 'ltr';
        li.appendChild(err);
      }
      list.appendChild(li);
    });
    p.appendChild(list);

    p.appendChild(el('h3', t('whDeadLetters')));
    const toggle = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = showReplayed;
    box.addEventListener('change', () => { showReplayed = box.checked; load(); });
    toggle.appendChild(box);
    toggle.appendChild(el('span', ' ' + t('whShowReplayed')));
    p.appendChild(toggle);
    if (letters.length === 0) {
      p.appendChild(el('p', t('whNoDeadLetters'), 'muted'));
    } else {
      const table = el('table', null, 'table');
      table.id = 'webhook-dead-letters';
      const head = el('tr');
      ['whTitle', 'whEvent', 'whEntity', 'whParkedAt', 'whAttempts', 'whLastError', ''].forEach(k =>
        head.appendChild(el('th', k ? t(k) : '')));
      table.appendChild(head);
      letters.forEach(d => {
        const tr = el('tr');
        tr.dataset.id = d.id;
        tr.appendChild(el('td', d.subscription));
        const ev = el('td', d.type + ' · ' + d.eventId);
        ev.dir = 'ltr';
        tr.appendChild(ev);
        tr.appendChild(el('td', d.entityId));
        tr.appendChild(el('td', when(d.parkedAt)));
        tr.appendChild(el('td', num(d.attempts)));
        tr.appendChild(el('td', d.lastError));
        const act = el('td');
        if (d.replayedAt) {
          act.textContent = t('whReplayedBy') + ' ' + d.replayedBy + ' · ' + when(d.replayedAt);
        } else {
          const b = el('button', t('whReplay'));
          b.type = 'button';
          b.className = 'webhook-replay';
          b.addEventListener('click', () => replay(d.id));
          act.appendChild(b);
        }
        tr.appendChild(act);
        table.appendChild(tr);
      });
      p.appendChild(table);
    }
    const st = el('p', status, statusError ? 'error' : 'muted');
    st.id = 'webhook-status';
    st.setAttribute('role', 'status');
    p.appendChild(st);
  }

  async function load() {
    if (!me || me.role !== 'admin') { render(); return; }
    try {
      subs = (await Page.call('GET', '/api/admin/webhooks')).subscriptions || [];
      letters = (await Page.call('GET', '/api/admin/webhooks/dead-letters?limit=100'
        + (showReplayed ? '&all=true' : ''))).deadLetters || [];
    } catch (e) {
      subs = null;
      letters = [];
    }
    render();
  }

  async function replay(id) {
    try {
      const r = await Page.call('POST', '/api/admin/webhooks/dead-letters/' + id + '/replay', undefined,
        me && me.csrfToken);
      status = t('whReplayed') + ' (' + r.httpStatus + ')';
      statusError = false;
    } catch (e) {
      status = t('whReplayFailed') + ': ' + e.message;
      statusError = true;
    }
    await load();
  }

  document.addEventListener('console-live', async ev => {
    if (ev.detail.type !== 'hello') { return; }
    try { me = await Page.call('GET', '/api/session'); } catch (e) { me = null; }
    load();
  });

  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}());
