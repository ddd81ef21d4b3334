'use strict';
// Web chats in the agent's console: one panel per chat the agent holds (side by side, as many as the agent's chat
// capacity lets the ACD give), opened by the live channel's 'chat-opened' push (or the ACD's 'media-held' for a
// CHAT, or GET /api/chats after a reload); each with the transcript, a send box, typing both ways, the scripted
// answers for the topic and the visitor's last line as one-click replies, transfer to a queue and close. Changes go
// over REST (POST /api/chats/{id}/...), which the server checks: only the agent holding the chat may write in it.
// Also: under each CHAT row of the customer's timeline, its transcript (GET /api/chats/{id}). Text is always put in
// the page as text, never as markup.
(function () {
  Object.assign(I18N.en, {
    chats: 'Chats', chatWith: 'Chat with', chatSend: 'Send', chatClose: 'Close the chat', chatTransfer: 'Transfer to queue',
    chatVisitorTyping: 'The visitor is typing…', chatReplies: 'Scripted replies', chatEnded: 'The chat has ended',
    'chat-end-customer-left': 'the visitor left', 'chat-end-closed': 'closed', 'chat-end-transferred': 'transferred',
    'chat-end-expired': 'nobody took it in time', chatTranscript: 'Chat transcript', chatVisitor: 'Visitor', chatAgent: 'Agent',
    chatDismiss: 'Dismiss'
  });
  Object.assign(I18N.fa, {
    chats: 'گفتگوها', chatWith: 'گفتگو با', chatSend: 'بفرست', chatClose: 'بستن گفتگو', chatTransfer: 'انتقال به صف',
    chatVisitorTyping: 'بازدیدکننده در حال نوشتن است…', chatReplies: 'پاسخ‌های آماده', chatEnded: 'گفتگو پایان یافت',
    'chat-end-customer-left': 'بازدیدکننده رفت', 'chat-end-closed': 'بسته شد', 'chat-end-transferred': 'منتقل شد',
    'chat-end-expired': 'کسی به‌موقع پاسخ نداد', chatTranscript: 'متن گفتگو', chatVisitor: 'بازدیدکننده', chatAgent: 'کارشناس',
    chatDismiss: 'بستن'
  });

  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;
  const panels = new Map();
  let me = null;

  async function session() {
    if (!me) { me = await Page.call('GET', '/api/session'); }
    return me;
  }
  async function post(id, what, body) {
    const s = await session();
    return Page.call('POST', '/api/chats/' + encodeURIComponent(id) + '/' + what, body || {}, s.csrfToken);
  }

  function area() {
    let a = $('chat-panels');
    if (!a && $('agent')) {
      a = el('section', null, 'chat-panels');
      a.id = 'chat-panels';
      const anchor = $('waiting-for-call');
      if (anchor) { anchor.insertAdjacentElement('beforebegin', a); } else { $('agent').appendChild(a); }
    }
    return a;
  }

  function line(list, m) {
    if (list.querySelector('[data-seq="' + m.seq + '"]')) { return; }
    const li = el('li', null, 'chat-line ' + m.from);
    li.dataset.seq = m.seq;
    li.appendChild(el('span', (m.from === 'visitor' ? t('chatVisitor') : t('chatAgent')) + ': ', 'muted'));
    li.appendChild(el('span', m.text));
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  }

  function open(chat) {
    if (panels.has(chat.id)) { return panels.get(chat.id); }
    const p = el('section', null, 'panel chat-panel');
    p.dataset.chat = chat.id;
    const head = el('h3');
    head.appendChild(el('span', t('chatWith') + ' '));
    head.appendChild(el('bdi', chat.visitorName));
    p.appendChild(head);
    p.appendChild(el('p', chat.topic, 'muted chat-topic'));
    const list = el('ol', null, 'chat-lines');
    p.appendChild(list);
    const typing = el('p', t('chatVisitorTyping'), 'muted chat-typing');
    typing.hidden = true;
    p.appendChild(typing);
    const form = el('form', null, 'row chat-send');
    const input = el('input', null, 'grow chat-text');
    input.maxLength = 2000;
    form.appendChild(input);
    form.appendChild(el('button', t('chatSend')));
    p.appendChild(form);
    const error = el('p', null, 'error chat-error');
    error.setAttribute('role', 'alert');
    p.appendChild(error);
    p.appendChild(el('h4', t('chatReplies')));
    const replies = el('ul', null, 'chat-replies');
    p.appendChild(replies);
    const actions = el('div', null, 'row');
    const queue = el('input', null, 'chat-queue');
    queue.placeholder = t('queue');
    const transfer = el('button', t('chatTransfer'), 'ghost chat-transfer');
    transfer.type = 'button';
    const close = el('button', t('chatClose'), 'ghost chat-close');
    close.type = 'button';
    actions.append(queue, transfer, close);
    p.appendChild(actions);
    area().appendChild(p);

    const state = { p, list, typing, input, error, replies, typingSent: false, timer: null, answersAt: 0 };
    panels.set(chat.id, state);
    (chat.lines || []).forEach(m => line(list, m));

    async function send(text) {
      error.textContent = '';
      try { await post(chat.id, 'messages', { text }); } catch (e) { error.textContent = e.message; }
    }
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      if (!input.value.trim()) { return; }
      const text = input.value;
      input.value = '';
      state.typingSent = false;
      send(text);
    });
    input.addEventListener('input', () => {
      if (!state.typingSent) { state.typingSent = true; post(chat.id, 'typing', { typing: true }).catch(() => {}); }
      clearTimeout(state.timer);
      state.timer = setTimeout(() => { state.typingSent = false; post(chat.id, 'typing', { typing: false }).catch(() => {}); }, 3000);
    });
    transfer.addEventListener('click', async () => {
      error.textContent = '';
      try { await post(chat.id, 'transfer', { queue: queue.value }); } catch (e) { error.textContent = e.message; }
    });
    close.addEventListener('click', async () => {
      error.textContent = '';
      try { await post(chat.id, 'close'); } catch (e) { error.textContent = e.message; }
    });
    state.send = send;
    loadAnswers(chat.id);
    return state;
  }

  // the scripted answers for the topic and the visitor's last line; a click sends the answer's text to the visitor
  async function loadAnswers(id) {
    const s = panels.get(id);
    if (!s) { return; }
    let answers = [];
    try { answers = (await Page.call('GET', '/api/chats/' + encodeURIComponent(id) + '/answers')).answers || []; }
    catch (e) { return; }
    clear(s.replies);
    answers.forEach(a => {
      const li = el('li');
      const b = el('button', a.title, 'small ghost chat-reply');
      b.type = 'button';
      b.title = a.text;
      b.addEventListener('click', () => s.send(a.text));
      li.appendChild(b);
      s.replies.appendChild(li);
    });
  }

  function ended(id, reason) {
    const s = panels.get(id);
    if (!s) { return; }
    s.p.dataset.ended = reason;
    s.p.querySelectorAll('form, .row, .chat-replies').forEach(x => { x.hidden = true; });
    s.typing.hidden = true;
    const note = el('p', t('chatEnded') + ' (' + t('chat-end-' + reason) + ')', 'muted chat-ended');
    const dismiss = el('button', t('chatDismiss'), 'small ghost');
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => { s.p.remove(); panels.delete(id); });
    note.appendChild(dismiss);
    s.p.appendChild(note);
  }

  async function fetchAndOpen(id) {
    try { open(await Page.call('GET', '/api/chats/' + encodeURIComponent(id))); } catch (e) { /* not ours */ }
  }

  document.addEventListener('console-live', ev => {
    const m = ev.detail;
    if (m.type === 'hello') {
      me = null;
      if (m.role && $('agent')) {
        Page.call('GET', '/api/chats').then(r => (r.chats || []).forEach(open)).catch(() => {});
      }
    } else if (m.type === 'chat-opened') {
      open(m.chat);
    } else if (m.type === 'media-held' && m.channel === 'CHAT' && m.interactionId) {
      fetchAndOpen(m.interactionId);
    } else if (m.type === 'chat-message') {
      const s = panels.get(m.chatId);
      if (s) {
        line(s.list, m);
        if (m.from === 'visitor') { s.typing.hidden = true; loadAnswers(m.chatId); }
      }
    } else if (m.type === 'chat-typing') {
      const s = panels.get(m.chatId);
      if (s && m.from === 'visitor') { s.typing.hidden = !m.typing; }
    } else if (m.type === 'chat-ended') {
      ended(m.chatId, m.reason);
    }
  });

  // ---- the customer's timeline: a chat's transcript under its row ----
  function transcriptRow(tr, chat) {
    const row = el('tr', null, 'chat-transcript-row');
    row.dataset.transcriptOf = chat.id;
    const td = el('td');
    td.colSpan = tr.children.length || 1;
    const details = el('details');
    details.appendChild(el('summary', t('chatTranscript') + ' (' + chat.lines.length + ')'));
    const ol = el('ol', null, 'chat-lines');
    chat.lines.forEach(m => line(ol, m));
    details.appendChild(ol);
    td.appendChild(details);
    row.appendChild(td);
    tr.parentNode.insertBefore(row, tr.nextSibling);
  }

  function expand(tbody) {
    Array.from(tbody.querySelectorAll('tr[data-interaction]')).forEach(async tr => {
      if (tr.dataset.chatChecked || !/^CHAT\b/.test((tr.children[1] && tr.children[1].textContent) || '')) { return; }
      tr.dataset.chatChecked = '1';
      try {
        const chat = await Page.call('GET', '/api/chats/' + encodeURIComponent(tr.dataset.interaction));
        if (tr.parentNode) { transcriptRow(tr, chat); }
      } catch (e) { /* not readable by this user, or no transcript */ }
    });
  }

  function watchTimeline() {
    const tbody = $('timeline');
    if (!tbody) { return; }
    new MutationObserver(() => expand(tbody)).observe(tbody, { childList: true });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', watchTimeline); }
  else { watchTimeline(); }
}());
