'use strict';
// Chats and emails on the agent's page: the contacts the ACD offers the agent (channel, queue, topic, customer,
// waiting time) with Accept and Decline, and the list of those the agent holds. Follows the live channel through
// console.js's 'console-live' event (media-offer, media-held, media-offer-ended, media-ended); answers with
// POST /api/media/{id}/accept|decline; reloads GET /api/media when the live channel (re)opens. The chat and email
// panels listen for media-held themselves.
(function () {
  Object.assign(I18N.en, {
    mediaTitle: 'Chats and emails', mediaOffered: 'Offered to you', mediaHeld: 'You hold',
    mediaAccept: 'Accept', mediaDecline: 'Decline', mediaNone: 'None', mediaWaiting: 'waiting',
    mediaCustomer: 'customer', mediaFailed: 'Not done', 'media-CHAT': 'Chat', 'media-EMAIL': 'Email',
    'media-ended-customer-left': 'The customer left', 'media-ended-no-answer': 'Offer timed out',
    mediaLoad: 'Load', mediaWaitingOffered: 'waiting / offered', mediaChatCol: 'Chats', mediaEmailCol: 'Emails',
    mediaAgentCol: 'Chats · emails'
  });
  Object.assign(I18N.fa, {
    mediaTitle: 'گفتگوها و ایمیل‌ها', mediaOffered: 'پیشنهاد به شما', mediaHeld: 'در دست شما',
    mediaAccept: 'پذیرفتن', mediaDecline: 'نپذیرفتن', mediaNone: 'هیچ', mediaWaiting: 'انتظار',
    mediaCustomer: 'مشتری', mediaFailed: 'انجام نشد', 'media-CHAT': 'گفتگو', 'media-EMAIL': 'ایمیل',
    'media-ended-customer-left': 'مشتری رفت', 'media-ended-no-answer': 'مهلت پیشنهاد گذشت',
    mediaLoad: 'بار کار', mediaWaitingOffered: 'در انتظار / پیشنهادشده', mediaChatCol: 'گفتگوها',
    mediaEmailCol: 'ایمیل‌ها', mediaAgentCol: 'گفتگو · ایمیل'
  });

  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;

  let me = null;
  const offers = new Map();
  const held = new Map();
  let error = '';
  let load = null;
  let stats = { queues: [], agents: [] };
  const num = n => lang() === 'fa' ? String(n).replace(/[0-9]/g, d => '۰۱۲۳۴۵۶۷۸۹'[d]) : String(n);

  // "Chat 2/3 · Email 0/5": what the agent holds against its capacity, per channel it may take
  function loadText(l) {
    if (!l || !l.capacity) { return ''; }
    return ['CHAT', 'EMAIL'].filter(ch => (l.capacity[ch] || 0) > 0)
      .map(ch => t('media-' + ch) + ' ' + num(l.held[ch] || 0) + '/' + num(l.capacity[ch])).join(' · ');
  }

  function panel() {
    let p = $('media-panel');
    // before the call pop, not inside it: the pop is hidden between calls, and offers must show then too
    const anchor = $('pop');
    if (!p && anchor) {
      p = el('section', null, 'panel');
      p.id = 'media-panel';
      p.setAttribute('aria-live', 'polite');
      anchor.insertAdjacentElement('beforebegin', p);
    }
    return p;
  }

  function waited(item) {
    const since = Date.parse(item.offeredAt || '');
    if (!since) { return ''; }
    const s = Math.max(0, Math.round((Date.now() - since) / 1000));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function line(item) {
    const li = el('li');
    li.dataset.interaction = item.interactionId;
    li.dataset.channel = item.channel;
    const d = item.data || {};
    li.appendChild(el('strong', t('media-' + item.channel)));
    li.appendChild(el('span', ' · ' + item.queue + (d.topic ? ' · ' + d.topic : ''), ''));
    const who = d.customerId ? t('mediaCustomer') + ' ' + d.customerId : (d.address || '');
    if (who) { li.appendChild(el('span', ' · ' + who, 'muted')); }
    li.appendChild(el('span', ' · ' + waited(item), 'muted media-waited'));
    return li;
  }

  function render() {
    const p = panel();
    if (!p) { return; }
    p.hidden = !me || !me.agentId || (offers.size === 0 && held.size === 0 && !error && !loadText(load));
    clear(p);
    p.appendChild(el('h3', t('mediaTitle')));
    const lt = el('p', loadText(load), 'muted');
    lt.id = 'media-load';
    p.appendChild(lt);
    p.appendChild(el('h4', t('mediaOffered')));
    const ol = el('ul');
    ol.id = 'media-offers';
    offers.forEach(item => {
      const li = line(item);
      [['accept', 'mediaAccept', ''], ['decline', 'mediaDecline', 'ghost']].forEach(([verb, key, cls]) => {
        const b = el('button', t(key), cls);
        b.type = 'button';
        b.className = (cls ? cls + ' ' : '') + 'media-' + verb;
        b.addEventListener('click', () => answer(item.interactionId, verb));
        li.appendChild(b);
      });
      ol.appendChild(li);
    });
    if (offers.size === 0) { ol.appendChild(el('li', t('mediaNone'), 'muted')); }
    p.appendChild(ol);
    p.appendChild(el('h4', t('mediaHeld')));
    const hl = el('ul');
    hl.id = 'media-held';
    held.forEach(item => hl.appendChild(line(item)));
    if (held.size === 0) { hl.appendChild(el('li', t('mediaNone'), 'muted')); }
    p.appendChild(hl);
    const status = el('p', error ? t('mediaFailed') + ': ' + error : '', error ? 'error' : 'ok');
    status.id = 'media-status';
    status.setAttribute('role', 'status');
    p.appendChild(status);
  }

  async function answer(id, verb) {
    error = '';
    try {
      await Page.call('POST', '/api/media/' + encodeURIComponent(id) + '/' + verb, {}, me && me.csrfToken);
    } catch (e) {
      error = e.message;
    }
    render();
  }

  async function reload() {
    try {
      me = await Page.call('GET', '/api/session');
    } catch (e) {
      me = null;
    }
    offers.clear();
    held.clear();
    if (me && me.agentId) {
      try {
        const r = await Page.call('GET', '/api/media');
        r.offers.forEach(i => offers.set(i.interactionId, i));
        r.held.forEach(i => held.set(i.interactionId, i));
        load = r.load && r.load.capacity ? r.load : null;
      } catch (e) {
        // not an agent, or the server has no media routing: no panel
      }
    }
    render();
    try {
      stats = await Page.call('GET', '/api/media/stats');
      decorate();
    } catch (e) {
      // not a supervisor: no wallboard
    }
  }

  document.addEventListener('console-live', ev => {
    const m = ev.detail;
    if (m.type === 'hello') {
      reload();
    } else if (m.type === 'media-load') {
      load = m.load;
      render();
    } else if (m.type === 'media-stats') {
      stats = m;
      decorate();
    } else if (m.type === 'media-offer') {
      offers.set(m.interactionId, m);
      render();
    } else if (m.type === 'media-held') {
      offers.delete(m.interactionId);
      held.set(m.interactionId, m);
      render();
    } else if (m.type === 'media-offer-ended') {
      offers.delete(m.interactionId);
      render();
    } else if (m.type === 'media-ended') {
      offers.delete(m.interactionId);
      held.delete(m.interactionId);
      render();
    }
  });

  // ---- wallboard: chats and emails beside the calls of each queue row, and each agent's load ----
  function cell(tr, cls, text) {
    let td = tr.querySelector('td.' + cls);
    if (!td) { td = el('td', '', cls); tr.appendChild(td); }
    if (td.textContent !== text) { td.textContent = text; }
  }

  function header(table, cls, key) {
    const row = table && table.querySelector('thead tr');
    if (row && !row.querySelector('th.' + cls)) {
      const th = el('th', t(key), cls);
      th.title = t('mediaWaitingOffered');
      row.appendChild(th);
    }
    if (row && row.querySelector('th.' + cls).textContent !== t(key)) { row.querySelector('th.' + cls).textContent = t(key); }
  }

  function decorate() {
    const qrows = $('queue-rows');
    if (qrows) {
      header($('queue-table'), 'media-chat', 'mediaChatCol');
      header($('queue-table'), 'media-email', 'mediaEmailCol');
      qrows.querySelectorAll('tr[data-queue]').forEach(tr => {
        ['CHAT', 'EMAIL'].forEach(ch => {
          const f = stats.queues.find(q => q.queue === tr.dataset.queue && q.channel === ch) || { waiting: 0, offered: 0 };
          cell(tr, 'media-' + ch.toLowerCase(), num(f.waiting) + ' / ' + num(f.offered));
        });
      });
    }
    const arows = $('agent-rows');
    if (arows) {
      header(arows.closest('table'), 'media-agent', 'mediaAgentCol');
      arows.querySelectorAll('tr[data-agent]').forEach(tr => {
        const a = stats.agents.find(x => x.agentId === tr.dataset.agent);
        cell(tr, 'media-agent', a ? loadText(a) : '');
      });
    }
  }

  // console.js renders the wallboard's rows again on every update: put the cells back each time
  ['queue-rows', 'agent-rows'].forEach(id => {
    const body = $(id);
    if (body) { new MutationObserver(decorate).observe(body, { childList: true }); }
  });

  setInterval(() => document.querySelectorAll('#media-panel .media-waited').forEach(s => {
    const id = s.parentElement.dataset.interaction;
    const item = offers.get(id) || held.get(id);
    if (item) { s.textContent = ' · ' + waited(item); }
  }), 1000);

  // console.js switches the language on <html lang>: follow it
  new MutationObserver(() => { render(); decorate(); }).observe(document.documentElement,
    { attributes: true, attributeFilter: ['lang'] });
}());
