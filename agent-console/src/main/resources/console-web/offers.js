'use strict';
// The next-best offer on the screen-pop: the product the customer is likeliest to take, with the reason (the offer
// propensity and what drove it) in the page's language, and the agent's answer: offered, accepted, declined. Follows
// the live channel through console.js's 'console-live' event; asks GET/POST /api/pops/{id}/offer.
(function () {
  Object.assign(I18N.en, {
    offerTitle: 'Next-best offer', 'offer-cross-sell': 'Cross-sell', 'offer-up-sell': 'Up-sell',
    offerOffered: 'Offered', offerAccepted: 'Accepted', offerDeclined: 'Declined', offerWhy: 'Why',
    'offer-saved-offered': 'Recorded: offered, waiting for the answer', 'offer-saved-accepted': 'Recorded: accepted',
    'offer-saved-declined': 'Recorded: declined', offerFailed: 'Not recorded'
  });
  Object.assign(I18N.fa, {
    offerTitle: 'بهترین پیشنهاد بعدی', 'offer-cross-sell': 'فروش مکمل', 'offer-up-sell': 'ارتقا',
    offerOffered: 'پیشنهاد شد', offerAccepted: 'پذیرفت', offerDeclined: 'نپذیرفت', offerWhy: 'چرا',
    'offer-saved-offered': 'ثبت شد: پیشنهاد شد، در انتظار پاسخ', 'offer-saved-accepted': 'ثبت شد: پذیرفت',
    'offer-saved-declined': 'ثبت شد: نپذیرفت', offerFailed: 'ثبت نشد'
  });

  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;

  let me = null;
  let popId = '';
  let offer = null;
  let saved = '';
  let error = '';

  function panel() {
    let p = $('offer-panel');
    if (!p && $('card')) {
      p = el('section', null, 'panel');
      p.id = 'offer-panel';
      p.hidden = true;
      p.setAttribute('aria-live', 'polite');
      $('card').insertAdjacentElement('afterend', p);
    }
    return p;
  }

  function render() {
    const p = panel();
    if (!p) { return; }
    p.hidden = !offer;
    clear(p);
    if (!offer) { delete p.dataset.product; return; }
    p.dataset.product = offer.product;
    p.dataset.outcome = saved;
    p.appendChild(el('h3', t('offerTitle')));
    const name = el('p');
    name.appendChild(el('strong', offer.name[lang()], 'offer-name'));
    name.appendChild(el('span', ' · ' + t('offer-' + offer.kind), 'muted'));
    p.appendChild(name);
    const why = el('p', offer.reason[lang()], 'why');
    why.id = 'offer-reason';
    p.appendChild(why);
    const row = el('div', null, 'row');
    [['offered', 'offerOffered'], ['accepted', 'offerAccepted'], ['declined', 'offerDeclined']].forEach(([outcome, key]) => {
      const b = el('button', t(key), outcome === 'accepted' ? '' : 'ghost');
      b.type = 'button';
      b.id = 'offer-' + outcome;
      b.addEventListener('click', () => answer(outcome));
      row.appendChild(b);
    });
    p.appendChild(row);
    const status = el('p', error ? t('offerFailed') + ': ' + error : saved ? t('offer-saved-' + saved) : '',
      error ? 'error' : 'ok');
    status.id = 'offer-status';
    status.setAttribute('role', 'status');
    p.appendChild(status);
  }

  async function load(id) {
    popId = id;
    offer = null;
    saved = '';
    error = '';
    render();
    try {
      const r = await Page.call('GET', '/api/pops/' + encodeURIComponent(id) + '/offer');
      if (popId === id) { offer = r.offer || null; render(); }
    } catch (e) {
      // no offer for this call: the pop goes without the panel
    }
  }

  async function answer(outcome) {
    if (!offer) { return; }
    error = '';
    try {
      await Page.call('POST', '/api/pops/' + encodeURIComponent(popId) + '/offer',
        { product: offer.product, outcome }, me && me.csrfToken);
      saved = outcome;
    } catch (e) {
      error = e.message;
    }
    render();
  }

  document.addEventListener('console-live', async ev => {
    const m = ev.detail;
    if (m.type === 'hello') {
      try { me = await Page.call('GET', '/api/session'); } catch (e) { me = null; }
    } else if (m.type === 'pop' && m.pop && m.pop.customer) {
      load(m.pop.id);
    } else if (m.type === 'pop') {
      popId = m.pop ? m.pop.id : '';
      offer = null;
      render();
    }
  });

  // console.js switches the language on <html lang>: follow it
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}());
