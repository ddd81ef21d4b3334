'use strict';
// The email panel: the cases the agent holds (opened when the ACD hands one over, a 'console-live' event of type
// 'media-held' with channel EMAIL), the thread with its attachments, templates, and the answer, sent over SMTP by the
// server (which closes the contact). While a case is open the thread is looked at again every 10 s, so a customer's
// new message shows. Also adds the messages of email interactions under the customer's timeline rows.
(function () {
  Object.assign(I18N.en, {
    emailTitle: 'Email', emailCase: 'Case', emailMine: 'My email cases', emailNone: 'No email case',
    emailFrom: 'From', emailAttachments: 'Attachments', emailTemplate: 'Template', emailChoose: '(choose)',
    emailAnswer: 'Your answer', emailSend: 'Send and close', emailSent: 'Sent; the case is closed',
    emailFailed: 'Not sent', emailNew: 'The customer wrote again', 'email-inbound': 'Customer',
    'email-acknowledgement': 'Automatic acknowledgement', 'email-reply': 'Agent', emailRobot: 'robot',
    emailNotes: 'Note'
  });
  Object.assign(I18N.fa, {
    emailTitle: 'ایمیل', emailCase: 'پرونده', emailMine: 'پرونده‌های ایمیل من', emailNone: 'پرونده ایمیلی نیست',
    emailFrom: 'از', emailAttachments: 'پیوست‌ها', emailTemplate: 'الگو', emailChoose: '(انتخاب کنید)',
    emailAnswer: 'پاسخ شما', emailSend: 'ارسال و بستن', emailSent: 'ارسال شد؛ پرونده بسته شد',
    emailFailed: 'ارسال نشد', emailNew: 'مشتری دوباره نوشت', 'email-inbound': 'مشتری',
    'email-acknowledgement': 'تأیید خودکار', 'email-reply': 'کارشناس', emailRobot: 'ماشینی',
    emailNotes: 'یادداشت'
  });

  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;

  let me = null;
  let mine = [];
  let open = null;        // the thread shown
  let templates = [];
  let status = '';
  let statusError = false;
  let timer = null;

  function panel() {
    let p = $('email-panel');
    if (!p && $('agent')) {
      p = el('section', null, 'panel');
      p.id = 'email-panel';
      p.hidden = true;
      p.setAttribute('aria-live', 'polite');
      $('agent').appendChild(p);
    }
    return p;
  }

  function render() {
    const p = panel();
    if (!p) { return; }
    p.hidden = !me || !me.agentId || (mine.length === 0 && !open);
    clear(p);
    p.appendChild(el('h3', t('emailTitle')));
    const list = el('ul', null, 'email-cases');
    list.id = 'email-cases';
    mine.forEach(c => {
      const li = el('li');
      const b = el('button', '[#' + c.caseNumber + '] ' + c.subject + ' · ' + (c.customerName || c.customerAddress),
        open && open.interactionId === c.interactionId ? '' : 'ghost');
      b.type = 'button';
      b.dataset.interaction = c.interactionId;
      b.addEventListener('click', () => show(c.interactionId));
      li.appendChild(b);
      list.appendChild(li);
    });
    p.appendChild(list);
    if (open) { p.appendChild(thread(open)); }
    const s = el('p', status, statusError ? 'error' : 'ok');
    s.id = 'email-status';
    s.setAttribute('role', 'status');
    p.appendChild(s);
  }

  function thread(v) {
    const box = el('div', null, 'email-thread');
    box.id = 'email-thread';
    box.dataset.interaction = v.interactionId;
    box.dataset.case = v.caseNumber;
    box.appendChild(el('h4', t('emailCase') + ' ' + v.caseNumber + ': ' + v.subject));
    box.appendChild(el('p', t('emailFrom') + ': ' + (v.customerName ? v.customerName + ' <' + v.customerAddress + '>'
      : v.customerAddress), 'muted'));
    v.messages.forEach(m => {
      const art = el('article', null, 'email-message email-' + m.direction);
      art.dataset.direction = m.direction;
      art.appendChild(el('p', t('email-' + m.direction) + (m.robot !== 'none' ? ' (' + t('emailRobot') + ')' : '')
        + ' · ' + m.from + ' · ' + new Date(m.at).toLocaleString(lang() === 'fa' ? 'fa-IR' : 'en-GB'), 'muted'));
      const pre = el('pre', m.text);
      pre.dir = 'auto';
      art.appendChild(pre);
      if (m.notes) { art.appendChild(el('p', t('emailNotes') + ': ' + m.notes, 'muted')); }
      if (m.attachments && m.attachments.length) {
        const ul = el('ul', null, 'email-attachments');
        m.attachments.forEach(a => {
          const li = el('li');
          const link = el('a', a.name + ' (' + a.size + ' B)');
          link.href = '/api/email/' + encodeURIComponent(v.interactionId) + '/attachments/' + a.id;
          link.setAttribute('download', a.name || 'attachment');
          li.appendChild(link);
          ul.appendChild(li);
        });
        art.appendChild(el('p', t('emailAttachments')));
        art.appendChild(ul);
      }
      box.appendChild(art);
    });
    if (v.open) {
      const label = el('label', t('emailTemplate') + ' ');
      const sel = el('select');
      sel.id = 'email-template';
      const none = el('option', t('emailChoose'));
      none.value = '';
      sel.appendChild(none);
      templates.forEach((x, i) => { const o = el('option', x.title); o.value = String(i); sel.appendChild(o); });
      label.appendChild(sel);
      box.appendChild(label);
      const text = el('textarea');
      text.id = 'email-answer';
      text.rows = 8;
      text.dir = 'auto';
      text.setAttribute('aria-label', t('emailAnswer'));
      text.value = draft;
      text.addEventListener('input', () => { draft = text.value; });
      sel.addEventListener('change', () => {
        if (sel.value !== '') { draft = templates[Number(sel.value)].text; text.value = draft; }
      });
      box.appendChild(text);
      const send = el('button', t('emailSend'));
      send.type = 'button';
      send.id = 'email-send';
      send.addEventListener('click', () => reply(v.interactionId));
      box.appendChild(send);
    }
    return box;
  }

  let draft = '';

  async function loadMine() {
    try { mine = (await Page.call('GET', '/api/email/mine')).cases || []; } catch (e) { mine = []; }
    render();
  }

  async function show(id) {
    const switching = !open || open.interactionId !== id;
    try {
      const v = await Page.call('GET', '/api/email/' + encodeURIComponent(id));
      if (open && open.interactionId === id && v.messages.length > open.messages.length
          && v.messages[v.messages.length - 1].direction === 'inbound') {
        status = t('emailNew');
        statusError = false;
      }
      open = v;
      if (switching) {
        draft = '';
        status = '';
        templates = (await Page.call('GET', '/api/email/' + encodeURIComponent(id) + '/templates')).templates || [];
      }
    } catch (e) {
      status = e.message;
      statusError = true;
    }
    render();
    clearInterval(timer);
    if (open && open.open) { timer = setInterval(() => show(open.interactionId), 10000); }
  }

  async function reply(id) {
    status = '';
    try {
      await Page.call('POST', '/api/email/' + encodeURIComponent(id) + '/reply', { text: draft }, me && me.csrfToken);
      status = t('emailSent');
      statusError = false;
      draft = '';
      clearInterval(timer);
      mine = mine.filter(c => c.interactionId !== id);
      open = await Page.call('GET', '/api/email/' + encodeURIComponent(id)).catch(() => null);
    } catch (e) {
      status = t('emailFailed') + ': ' + e.message;
      statusError = true;
    }
    render();
  }

  // Under each email row of the customer's timeline, its messages (shortened). Called by console.js.
  async function timeline(tbody) {
    const rows = Array.from(tbody.querySelectorAll('tr[data-interaction]'))
      .filter(tr => tr.children[1] && tr.children[1].textContent.indexOf('EMAIL') === 0);
    if (!rows.length) { return; }
    let messages = [];
    try {
      messages = (await Page.call('GET', '/api/email/timeline?ids='
        + encodeURIComponent(rows.map(r => r.dataset.interaction).join(',')))).messages || [];
    } catch (e) { return; }
    rows.forEach(tr => {
      const mine = messages.filter(m => m.interactionId === tr.dataset.interaction);
      if (!mine.length) { return; }
      const row = el('tr', null, 'email-timeline');
      const cell = el('td');
      cell.colSpan = tr.children.length;
      mine.forEach(m => {
        const p = el('p', t('email-' + m.direction) + ' · ' + m.subject + ': ' + m.text);
        p.dir = 'auto';
        cell.appendChild(p);
      });
      row.appendChild(cell);
      tr.insertAdjacentElement('afterend', row);
    });
  }
  window.EmailThreads = { timeline };

  document.addEventListener('console-live', async ev => {
    const m = ev.detail;
    if (m.type === 'hello') {
      try { me = await Page.call('GET', '/api/session'); } catch (e) { me = null; }
      if (me && me.agentId) { loadMine(); }
    } else if (m.type === 'media-held' && String(m.channel || '').toUpperCase() === 'EMAIL') {
      const id = m.interactionId;
      await loadMine();
      if (id) { show(id); }
    } else if (m.type === 'media-ended') {
      loadMine();
    }
  });

  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}());
