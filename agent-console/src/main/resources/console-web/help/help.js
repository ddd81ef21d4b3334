'use strict';
// The public self-service page: published-article search, order status, waiting times, opening hours and the
// click-to-talk form, in Persian (right to left, Persian digits, Jalali dates) and English. Talks to /help/api/*.
const HELP_I18N = {
  en: {
    skip: 'Skip to content', title: 'Help and contact', sections: 'Sections', kbTitle: 'Answers',
    kbLabel: 'Search our articles', search: 'Search', kbNone: 'No article matches these words.',
    kbFound: n => n + ' articles found', orderTitle: 'Order status', orderNumber: 'Order number',
    orderLast4: 'Last four digits of the phone on the order', orderCheck: 'Check',
    orderNotFound: 'We found no order with this number and phone. Check both and try again.',
    orderLimit: 'Too many attempts from your connection. Please try again in an hour.',
    orderStatus: 'Status', orderSince: 'since', orderedAt: 'Ordered', amount: 'Amount',
    'status-received': 'Received', 'status-processing': 'Being prepared', 'status-shipped': 'Shipped',
    'status-delivered': 'Delivered', 'status-cancelled': 'Cancelled',
    queuesTitle: 'Waiting times', queue: 'Department', waiting: 'Callers waiting', estimatedWait: 'Estimated wait',
    noWait: 'No wait', minutes: n => 'about ' + n + ' min', unknown: 'Not known yet',
    hoursTitle: 'Opening hours', openNow: 'Open now', closesAt: t => 'closes at ' + t, closedNow: 'Closed now',
    opensAt: t => 'opens ' + t, holidays: 'Closed on', closed: 'Closed', zone: 'Times in',
    callTitle: 'Call me', callIntro: 'Leave your number and we call you. Your phone rings first and asks you to press 1.',
    callNumber: 'Your phone number', callTopic: 'What is it about?', callLanguage: 'Language of the call',
    callWhen: 'When', callNow: 'Call me now', callAt: 'Call me at', callAtTime: 'Time of the call',
    callSubmit: 'Call me', cancel: 'Cancel the call', reference: 'Your reference', chatTitle: 'Chat with us',
    failed: 'Something went wrong; please try again.',
    'state-scheduled': 'Your call is booked. We will call you.', 'state-dialling': 'We are calling you now.',
    'state-confirming': 'Your phone is ringing: answer and press 1.',
    'state-waiting': 'Thank you. You are in line for the next agent.', 'state-connected': 'You are talking to us.',
    'state-unconfirmed': 'The call was not confirmed with 1, so nobody was connected.',
    'state-not-reached': 'We could not reach your phone.', 'state-cancelled': 'The call is cancelled.',
    'state-abandoned': 'You hung up before an agent answered. You can ask us to call again.',
    'state-refused': 'We cannot call this number.',
    'state-ringing-agent': 'An agent is being connected; we will call you in a moment.',
    'state-calling-customer': 'An agent is calling you now: answer and press 1.',
    'state-declined': 'The call was not confirmed with 1, so the agent did not talk to you.',
    'state-unavailable': 'The call-back service is not available right now. Please call us instead.',
    'reason-address-limit': 'You have asked for several calls in the last hour. Please try again later.',
    'reason-number-limit': 'This number has already been called back twice today.',
    'reason-daily-limit': 'We cannot take more call-back requests today. Please call us instead.',
    'reason-premium-refused': 'Premium-rate numbers cannot be called back.',
    'reason-emergency-refused': 'Emergency numbers cannot be called back.',
    'reason-international-refused': 'We can only call numbers in Iran.',
    'reason-malformed': 'This is not a phone number we can call.',
    'reason-class-not-allowed': 'We cannot call this kind of number.',
    'reason-no-matching-pattern': 'This is not a phone number we can call.',
    'reason-closed': 'We are closed at that time. Please choose a time within our opening hours.',
    'reason-past': 'That time has passed. Please choose a later time.',
    'reason-too-far': 'Please choose a time within the next days shown.',
    'reason-dialer-refused': 'The call-back service refused this request.',
    'reason-bad-time': 'Choose the time of the call.'
  },
  fa: {
    skip: 'رفتن به محتوا', title: 'راهنما و تماس', sections: 'بخش‌ها', kbTitle: 'پاسخ‌ها',
    kbLabel: 'جست‌وجو در مقاله‌ها', search: 'جست‌وجو', kbNone: 'مقاله‌ای با این واژه‌ها پیدا نشد.',
    kbFound: n => n + ' مقاله پیدا شد', orderTitle: 'وضعیت سفارش', orderNumber: 'شماره سفارش',
    orderLast4: 'چهار رقم آخر تلفن ثبت‌شده در سفارش', orderCheck: 'بررسی',
    orderNotFound: 'سفارشی با این شماره و تلفن پیدا نشد. هر دو را بررسی کنید و دوباره بکوشید.',
    orderLimit: 'تلاش‌های زیادی از اتصال شما انجام شده است. لطفاً یک ساعت دیگر دوباره بکوشید.',
    orderStatus: 'وضعیت', orderSince: 'از', orderedAt: 'تاریخ سفارش', amount: 'مبلغ',
    'status-received': 'دریافت شد', 'status-processing': 'در حال آماده‌سازی', 'status-shipped': 'ارسال شد',
    'status-delivered': 'تحویل شد', 'status-cancelled': 'لغو شد',
    queuesTitle: 'زمان انتظار', queue: 'بخش', waiting: 'تماس‌گیرندگان در انتظار', estimatedWait: 'انتظار تخمینی',
    noWait: 'بدون انتظار', minutes: n => 'حدود ' + n + ' دقیقه', unknown: 'هنوز معلوم نیست',
    hoursTitle: 'ساعت کاری', openNow: 'اکنون باز است', closesAt: t => 'تا ' + t, closedNow: 'اکنون بسته است',
    opensAt: t => 'باز می‌شود ' + t, holidays: 'تعطیل در', closed: 'تعطیل', zone: 'ساعت‌ها به وقت',
    callTitle: 'با من تماس بگیرید', callIntro: 'شماره‌تان را بگذارید تا با شما تماس بگیریم. اول تلفن شما زنگ می‌خورد و از شما می‌خواهد ۱ را بزنید.',
    callNumber: 'شماره تلفن شما', callTopic: 'موضوع تماس', callLanguage: 'زبان تماس',
    callWhen: 'زمان', callNow: 'همین حالا تماس بگیرید', callAt: 'در این زمان تماس بگیرید', callAtTime: 'زمان تماس',
    callSubmit: 'با من تماس بگیرید', cancel: 'لغو تماس', reference: 'کد پیگیری شما', chatTitle: 'گفت‌وگوی آنلاین',
    failed: 'مشکلی پیش آمد؛ لطفاً دوباره بکوشید.',
    'state-scheduled': 'تماس شما ثبت شد. با شما تماس می‌گیریم.', 'state-dialling': 'در حال تماس با شما هستیم.',
    'state-confirming': 'تلفن شما زنگ می‌خورد: پاسخ دهید و ۱ را بزنید.',
    'state-waiting': 'سپاس. در صف اولین کارشناس آزاد هستید.', 'state-connected': 'با ما در حال گفت‌وگو هستید.',
    'state-unconfirmed': 'تماس با زدن ۱ تأیید نشد، پس به کسی وصل نشد.',
    'state-not-reached': 'نتوانستیم با تلفن شما تماس بگیریم.', 'state-cancelled': 'تماس لغو شد.',
    'state-abandoned': 'پیش از پاسخ کارشناس تماس را قطع کردید. می‌توانید دوباره درخواست تماس بدهید.',
    'state-refused': 'نمی‌توانیم با این شماره تماس بگیریم.',
    'state-ringing-agent': 'یک کارشناس در حال آماده شدن است؛ چند لحظه دیگر با شما تماس می‌گیریم.',
    'state-calling-customer': 'کارشناس اکنون با شما تماس می‌گیرد: پاسخ دهید و ۱ را بزنید.',
    'state-declined': 'تماس با زدن ۱ تأیید نشد، پس کارشناس با شما صحبت نکرد.',
    'state-unavailable': 'سرویس تماس برگشتی اکنون در دسترس نیست. لطفاً خودتان با ما تماس بگیرید.',
    'reason-address-limit': 'در یک ساعت گذشته چند بار درخواست تماس داده‌اید. لطفاً بعداً دوباره بکوشید.',
    'reason-number-limit': 'امروز دو بار با این شماره تماس برگشتی گرفته شده است.',
    'reason-daily-limit': 'امروز درخواست تماس برگشتی بیشتری نمی‌پذیریم. لطفاً خودتان با ما تماس بگیرید.',
    'reason-premium-refused': 'با شماره‌های پولی تماس برگشتی گرفته نمی‌شود.',
    'reason-emergency-refused': 'با شماره‌های اضطراری تماس برگشتی گرفته نمی‌شود.',
    'reason-international-refused': 'فقط با شماره‌های داخل ایران تماس می‌گیریم.',
    'reason-malformed': 'این شماره‌ای نیست که بتوانیم با آن تماس بگیریم.',
    'reason-class-not-allowed': 'با این نوع شماره تماس نمی‌گیریم.',
    'reason-no-matching-pattern': 'این شماره‌ای نیست که بتوانیم با آن تماس بگیریم.',
    'reason-closed': 'در آن زمان تعطیل هستیم. لطفاً زمانی در ساعت کاری انتخاب کنید.',
    'reason-past': 'آن زمان گذشته است. لطفاً زمان دیرتری انتخاب کنید.',
    'reason-too-far': 'لطفاً زمانی در روزهای پیش رو انتخاب کنید.',
    'reason-dialer-refused': 'سرویس تماس برگشتی این درخواست را نپذیرفت.',
    'reason-bad-time': 'زمان تماس را انتخاب کنید.'
  }
};

(function () {
  const $ = id => document.getElementById(id);
  const DAYS = ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  const FINAL = ['connected', 'unconfirmed', 'not-reached', 'abandoned', 'cancelled', 'refused', 'declined'];
  const param = new URLSearchParams(location.search).get('lang');
  let lang = param || localStorage.getItem('help-lang') || ((navigator.language || 'en').startsWith('fa') ? 'fa' : 'en');
  lang = lang === 'fa' ? 'fa' : 'en';
  let lastSearch = null, lastOrder = null, hours = null, queues = [], call = null, poll = null;

  const t = (key, arg) => {
    const v = HELP_I18N[lang][key] ?? HELP_I18N.en[key] ?? key;
    return typeof v === 'function' ? v(arg) : v;
  };
  const digits = s => lang === 'fa' ? String(s).replace(/[0-9]/g, d => '۰۱۲۳۴۵۶۷۸۹'[d]) : String(s);
  const ascii = s => String(s).replace(/[۰-۹]/g, d => d.charCodeAt(0) - 0x6F0).replace(/[٠-٩]/g, d => d.charCodeAt(0) - 0x660);
  const el = (tag, text, attrs) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  };
  const clear = e => { while (e.firstChild) e.removeChild(e.firstChild); return e; };
  const locale = () => lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
  const zone = () => (hours && hours.zone) || undefined;
  const when = iso => new Intl.DateTimeFormat(locale(), { timeZone: zone(), weekday: 'long', day: 'numeric',
    month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const day = iso => new Intl.DateTimeFormat(locale(), { timeZone: zone(), year: 'numeric', month: 'long',
    day: 'numeric' }).format(new Date(iso));
  // a span's end at 00:00 is midnight, written 24:00
  const clock = (hhmm, end) => digits(end && hhmm === '00:00' ? '24:00' : hhmm);

  async function api(method, path, body) {
    const r = await fetch(path, { method, headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined, credentials: 'same-origin' });
    let data = {};
    try { data = await r.json(); } catch (e) { /* an empty or non-JSON answer */ }
    return { status: r.status, data };
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-t-label]').forEach(e => e.setAttribute('aria-label', t(e.dataset.tLabel)));
    const b = $('lang');
    b.textContent = lang === 'fa' ? 'English' : 'فارسی';
    b.lang = lang === 'fa' ? 'en' : 'fa';
    $('chat-link').href = 'chat.html?lang=' + lang;
    if (!$('call-language').dataset.touched) $('call-language').value = lang;
    localStorage.setItem('help-lang', lang);
    renderSearch(); renderOrder(); renderQueues(); renderHours(); renderCall();
  }

  // ---- knowledge base ----
  $('kb-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const q = $('kb-q').value.trim();
    if (!q) return;
    const r = await api('GET', '/help/api/articles?q=' + encodeURIComponent(q));
    lastSearch = r.status === 200 ? r.data.articles : { error: r.data.error || t('failed') };
    $('kb-article').hidden = true;
    renderSearch();
  });

  function renderSearch() {
    const list = clear($('kb-results'));
    const status = $('kb-status');
    if (lastSearch === null) { status.textContent = ''; return; }
    if (lastSearch.error) { status.textContent = lastSearch.error; status.className = 'error'; return; }
    status.className = '';
    status.textContent = lastSearch.length ? t('kbFound', digits(lastSearch.length)) : t('kbNone');
    lastSearch.forEach(a => {
      const li = el('li', null, { 'data-article': a.id });
      const title = el('button', a.title, { type: 'button', class: 'title', lang: a.language });
      title.addEventListener('click', () => open(a.id));
      const snippet = el('p', null, { class: 'snippet', lang: a.language });
      a.snippet.forEach(p => snippet.appendChild(p.matched ? el('mark', p.text) : document.createTextNode(p.text)));
      li.append(title, snippet);
      list.appendChild(li);
    });
  }

  async function open(id) {
    const r = await api('GET', '/help/api/articles/' + id);
    if (r.status !== 200) return;
    $('kb-article-title').textContent = r.data.title;
    $('kb-article-body').textContent = r.data.body;
    $('kb-article').lang = r.data.language;
    $('kb-article').dataset.article = r.data.id;
    $('kb-article').hidden = false;
    $('kb-article').focus();
  }

  // ---- orders ----
  $('order-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const r = await api('POST', '/help/api/orders/status',
      { order: ascii($('order-number').value.trim()), lastFour: ascii($('order-last4').value.trim()) });
    lastOrder = r;
    renderOrder();
  });

  function renderOrder() {
    const out = clear($('order-result'));
    if (!lastOrder) return;
    const { status, data } = lastOrder;
    out.dataset.found = status === 200 && data.found ? 'true' : 'false';
    if (status === 429) { out.appendChild(el('p', t('orderLimit'), { class: 'error' })); return; }
    if (status !== 200) { out.appendChild(el('p', data.error || t('failed'), { class: 'error' })); return; }
    if (!data.found) { out.appendChild(el('p', t('orderNotFound'), { class: 'error' })); return; }
    const o = data.order;
    const dl = el('dl');
    const row = (k, v) => { dl.appendChild(el('dt', k)); dl.appendChild(el('dd', v)); };
    row(t('orderNumber'), digits(o.number));
    row(t('orderStatus'), t('status-' + o.status) + (o.statusAt ? ' (' + t('orderSince') + ' ' + day(o.statusAt) + ')' : ''));
    row(t('orderedAt'), day(o.orderedAt));
    row(t('amount'), Number(o.amount).toLocaleString(lang === 'fa' ? 'fa-IR' : 'en-US'));
    out.appendChild(dl);
  }

  // ---- queues ----
  async function loadQueues() {
    const r = await api('GET', '/help/api/queues?lang=' + lang);
    if (r.status === 200) { queues = r.data.queues; renderQueues(); renderQueueChoices(); }
  }

  function renderQueues() {
    const body = clear($('queue-table').tBodies[0]);
    queues.forEach(q => {
      const tr = el('tr', null, { 'data-queue': q.queue });
      tr.appendChild(el('th', q.name, { scope: 'row' }));
      tr.appendChild(el('td', q.known ? digits(q.waiting) : '–'));
      tr.appendChild(el('td', !q.known ? t('unknown') : q.estimatedWaitSeconds === 0 ? t('noWait')
        : t('minutes', digits(Math.round(q.estimatedWaitSeconds / 60)))));
      body.appendChild(tr);
    });
  }

  function renderQueueChoices() {
    const s = $('call-queue');
    const chosen = s.value;
    clear(s);
    queues.forEach(q => s.appendChild(el('option', q.name, { value: q.queue })));
    if (chosen) s.value = chosen;
  }

  // ---- hours ----
  async function loadHours() {
    const r = await api('GET', '/help/api/hours');
    if (r.status === 200) { hours = r.data; renderHours(); }
  }

  function renderHours() {
    if (!hours) return;
    const now = $('hours-now');
    now.dataset.open = hours.open;
    now.className = hours.open ? 'ok' : 'error';
    now.textContent = hours.open ? t('openNow') + (hours.closesAt ? ', ' + t('closesAt', clock(new Intl.DateTimeFormat('en-GB',
      { timeZone: hours.zone, hour: '2-digit', minute: '2-digit' }).format(new Date(hours.closesAt)), true)) : '')
      : t('closedNow') + (hours.opensAt ? ', ' + t('opensAt', when(hours.opensAt)) : '');
    const body = clear($('hours-week').tBodies[0]);
    const names = new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
    // 2026-01-03 was a Saturday
    DAYS.forEach((d, i) => {
      const spans = hours.week[d] || [];
      const tr = el('tr');
      tr.appendChild(el('th', names.format(new Date(Date.UTC(2026, 0, 3 + i))), { scope: 'row' }));
      tr.appendChild(el('td', spans.length ? spans.map(s => clock(s.from) + '–' + clock(s.to, true)).join('، ') : t('closed')));
      body.appendChild(tr);
    });
    const caption = $('hours-week').createCaption();
    caption.textContent = t('zone') + ' ' + hours.zone;
    $('hours-holidays').textContent = hours.holidays.length
      ? t('holidays') + ': ' + hours.holidays.map(h => day(h + 'T12:00:00Z')).join('، ') : '';
  }

  // ---- click-to-talk ----
  $('call-language').addEventListener('change', () => { $('call-language').dataset.touched = '1'; });
  $('call-at').addEventListener('focus', () => { $('call-when-at').checked = true; });
  $('call-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const at = $('call-when-at').checked;
    if (at && !$('call-at').value) { call = { state: 'refused', reason: 'bad-time' }; renderCall(); return; }
    const body = { number: ascii($('call-number').value.trim()), topic: $('call-topic').value.trim(),
      queue: $('call-queue').value, language: $('call-language').value, when: at ? 'at' : 'now' };
    if (at) body.at = new Date($('call-at').value).toISOString();
    $('call-submit').disabled = true;
    try {
      const r = await api('POST', '/help/api/click-to-talk', body);
      call = r.status === 201 || r.status === 503 || r.status === 422 || r.status === 429 ? r.data
        : { state: 'error', error: r.data.error || t('failed') };
    } finally { $('call-submit').disabled = false; }
    renderCall();
    follow();
  });
  $('call-cancel').addEventListener('click', async () => {
    if (!call || !call.reference) return;
    clearTimeout(poll);
    const r = await api('POST', '/help/api/click-to-talk/' + call.reference + '/cancel');
    clearTimeout(poll);
    if (r.status === 200 || r.status === 503) call = r.data;
    else call = Object.assign({}, call, { error: r.data.error });
    renderCall();
  });

  function follow() {
    clearTimeout(poll);
    if (!call || !call.reference || FINAL.includes(call.state) || call.state === 'unavailable') return;
    poll = setTimeout(async () => {
      const asked = call;
      const r = await api('GET', '/help/api/click-to-talk/' + asked.reference);
      // the customer may have cancelled (or sent another request) while this was on its way
      if (call !== asked) return;
      if (r.status === 200 || r.status === 503) { call = r.data; renderCall(); }
      follow();
    }, 2000);
  }

  function renderCall() {
    const status = $('call-status');
    const result = $('call-result');
    if (!call) return;
    result.dataset.state = call.state || '';
    if (call.state === 'error') { status.textContent = call.error; status.className = 'error'; }
    else if (call.reason) { status.textContent = t('reason-' + call.reason); status.className = 'error'; }
    else { status.textContent = t('state-' + call.state); status.className = FINAL.includes(call.state) && call.state !== 'connected' ? 'error' : 'ok'; }
    if (call.error && call.state !== 'error' && !call.reason && call.state !== 'unavailable') status.textContent += ' ' + call.error;
    $('call-reference').textContent = call.reference ? t('reference') + ': ' + call.reference : '';
    $('call-cancel').hidden = !(call.reference && ['scheduled'].includes(call.state));
  }

  $('lang').addEventListener('click', () => {
    lang = lang === 'fa' ? 'en' : 'fa';
    applyLanguage();
    loadQueues();
  });
  applyLanguage();
  loadQueues();
  loadHours();
  setInterval(loadQueues, 15000);
  setInterval(loadHours, 60000);
}());
