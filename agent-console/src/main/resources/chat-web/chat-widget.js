'use strict';
// The visitors' chat widget: start a chat with a name and topic, see the place in line, talk with the agent over the
// WebSocket /help/chat/ws, see the agent typing, leave. Text is always put in the page as text (textContent), never
// as markup. The chat's token is kept in sessionStorage so a reload or a dropped connection comes back to the same
// chat within the server's grace period.
(function () {
  const STRINGS = {
    fa: {
      title: 'گفتگو با ما', name: 'نام شما', topic: 'موضوع', start: 'شروع گفتگو', send: 'بفرست', leave: 'پایان گفتگو',
      agentTyping: 'کارشناس در حال نوشتن است…', waiting: 'در صف انتظار هستید.', position: 'نوبت شما: {n}',
      eta: 'زمان تقریبی انتظار: {n} دقیقه', assigned: 'یک کارشناس به گفتگو پیوست.', transferred: 'گفتگو به صف {q} منتقل شد؛ لطفاً منتظر بمانید.',
      ended: 'گفتگو پایان یافت.', reconnecting: 'اتصال قطع شد؛ در حال اتصال دوباره…', you: 'شما', agent: 'کارشناس',
      'too-many-chats': 'از این نشانی گفتگوهای باز زیادی هست.', 'rate-limited': 'لطفاً کمی آهسته‌تر بنویسید.',
      'too-long': 'پیام خیلی بلند است.', 'bad-name': 'نام را وارد کنید.', unavailable: 'فعلاً امکان گفتگو نیست.',
      'try-again': 'در حال اتصال دوباره…', moved: 'این گفتگو در پنجرهٔ دیگری ادامه دارد.',
      'bad-text': 'پیام نویسه‌ای دارد که فرستادنی نیست.'
    },
    en: {
      title: 'Chat with us', name: 'Your name', topic: 'Topic', start: 'Start the chat', send: 'Send', leave: 'End the chat',
      agentTyping: 'The agent is typing…', waiting: 'You are in the queue.', position: 'Your place in line: {n}',
      eta: 'Estimated wait: {n} min', assigned: 'An agent joined the chat.', transferred: 'The chat was moved to {q}; please wait.',
      ended: 'The chat has ended.', reconnecting: 'Connection lost; reconnecting…', you: 'You', agent: 'Agent',
      'too-many-chats': 'Too many open chats from this address.', 'rate-limited': 'Please write a little slower.',
      'too-long': 'The message is too long.', 'bad-name': 'Please enter your name.', unavailable: 'Chat is not available right now.',
      'try-again': 'Reconnecting…', moved: 'This chat goes on in another window.',
      'bad-text': 'The message has a character that cannot be sent.'
    }
  };
  const $ = id => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') === 'en' ? 'en' : (sessionStorage.getItem('cc-chat-lang') || 'fa');
  let socket = null;
  let lastSeq = 0;
  let over = false;
  let typingSent = false;
  let typingTimer = null;

  function t(key, vars) {
    let s = (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
    Object.keys(vars || {}).forEach(k => { s = s.replace('{' + k + '}', vars[k]); });
    return s;
  }
  function digits(n) { return lang === 'fa' ? String(n).replace(/[0-9]/g, d => '۰۱۲۳۴۵۶۷۸۹'[d]) : String(n); }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    $('chat-lang').textContent = lang === 'fa' ? 'English' : 'فارسی';
  }
  $('chat-lang').addEventListener('click', () => {
    lang = lang === 'fa' ? 'en' : 'fa';
    sessionStorage.setItem('cc-chat-lang', lang);
    applyLanguage();
  });

  function status(text) { $('chat-status').textContent = text; }

  function line(m) {
    if (m.seq <= lastSeq) { return; }
    lastSeq = m.seq;
    const li = document.createElement('li');
    li.className = m.from;
    li.dataset.seq = m.seq;
    li.textContent = m.text;
    li.title = m.from === 'visitor' ? t('you') : t('agent');
    $('chat-lines').appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }

  function onFrame(m) {
    if (m.type === 'chat-joined') {
      sessionStorage.setItem('cc-chat-token', m.token);
      $('chat-start').hidden = true;
      $('chat-box').hidden = false;
      status(t('waiting'));
    } else if (m.type === 'chat-resumed') {
      $('chat-start').hidden = true;
      $('chat-box').hidden = false;
      (m.lines || []).forEach(line);
      status(m.state === 'held' ? t('assigned') : t('waiting'));
    } else if (m.type === 'chat-waiting') {
      const parts = [t('waiting')];
      if (m.position > 0) { parts.push(t('position', { n: digits(m.position) })); }
      if (m.estimatedWaitSeconds >= 0) { parts.push(t('eta', { n: digits(Math.max(1, Math.ceil(m.estimatedWaitSeconds / 60))) })); }
      status(parts.join(' · '));
    } else if (m.type === 'chat-assigned') {
      status(t('assigned'));
    } else if (m.type === 'chat-message') {
      line(m);
      if (m.from === 'agent') { $('chat-typing').hidden = true; }
    } else if (m.type === 'chat-typing') {
      $('chat-typing').hidden = !m.typing;
    } else if (m.type === 'chat-transferred') {
      $('chat-typing').hidden = true;
      status(t('transferred', { q: m.queue }));
    } else if (m.type === 'chat-ended') {
      over = true;
      sessionStorage.removeItem('cc-chat-token');
      $('chat-typing').hidden = true;
      $('chat-send').hidden = true;
      $('chat-leave').hidden = true;
      status(m.reason === 'unavailable' ? t('unavailable') : t('ended'));
    } else if (m.type === 'chat-moved') {
      // another window of this chat took it (on another server): this one stops, without ending the chat
      over = true;
      $('chat-typing').hidden = true;
      $('chat-send').hidden = true;
      $('chat-leave').hidden = true;
      status(t('moved'));
    } else if (m.type === 'chat-error') {
      const target = $('chat-box').hidden ? $('chat-start-error') : $('chat-error');
      target.textContent = STRINGS[lang][m.code] ? t(m.code) : m.detail;
      if (m.code === 'no-chat' && $('chat-box').hidden) { sessionStorage.removeItem('cc-chat-token'); }
      // the chat is moving to the server this page reached: a new socket resumes it a moment later
      if (m.code === 'try-again') { socket.close(); }
    }
  }

  function open(first) {
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/help/chat/ws');
    socket.onopen = () => { document.body.dataset.chat = 'open'; socket.send(JSON.stringify(first())); };
    socket.onmessage = ev => onFrame(JSON.parse(ev.data));
    socket.onclose = () => {
      document.body.dataset.chat = 'closed';
      const token = sessionStorage.getItem('cc-chat-token');
      if (!over && token) {
        status(t('reconnecting'));
        setTimeout(() => open(() => ({ type: 'resume', token, lastSeq })), 2000);
      }
    };
  }

  $('chat-start').addEventListener('submit', ev => {
    ev.preventDefault();
    $('chat-start-error').textContent = '';
    const join = { type: 'join', name: $('chat-name').value, topic: $('chat-topic').value, language: lang,
      queue: params.get('queue') || '' };
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(join)); }
    else { open(() => join); }
  });
  $('chat-send').addEventListener('submit', ev => {
    ev.preventDefault();
    $('chat-error').textContent = '';
    const text = $('chat-text').value;
    if (!text.trim() || !socket) { return; }
    socket.send(JSON.stringify({ type: 'message', text }));
    $('chat-text').value = '';
    typingSent = false;
  });
  $('chat-text').addEventListener('input', () => {
    if (!socket || socket.readyState !== WebSocket.OPEN) { return; }
    if (!typingSent) { socket.send(JSON.stringify({ type: 'typing', typing: true })); typingSent = true; }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      if (socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify({ type: 'typing', typing: false })); }
      typingSent = false;
    }, 3000);
  });
  $('chat-leave').addEventListener('click', () => {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify({ type: 'leave' })); }
  });

  applyLanguage();
  const token = sessionStorage.getItem('cc-chat-token');
  if (token) { open(() => ({ type: 'resume', token, lastSeq: 0 })); }
}());
