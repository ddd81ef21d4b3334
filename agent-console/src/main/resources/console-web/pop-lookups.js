'use strict';
// Lookups into other systems on the screen-pop (the customer's last orders from the order system, ...): one panel
// per configured lookup, its rows under the configured labels, or why it is not there ("Orders not available: the
// order system did not answer within 400 ms"). The server asks the systems within the pop's budget, so what came is
// in the pop message itself; follows the live channel through console.js's 'console-live' event. Every value from
// another system is set as text, never as HTML.
(function () {
  Object.assign(I18N.en, {
    lookupNotAvailable: '{title} not available: {reason}', lookupNone: 'Nothing found',
    lookupFromCache: 'as of a moment ago (cached)', lookupUnknown: 'This lookup is not configured on the server'
  });
  Object.assign(I18N.fa, {
    lookupNotAvailable: '{title} در دسترس نیست: {reason}', lookupNone: 'چیزی پیدا نشد',
    lookupFromCache: 'از چند لحظه پیش (حافظهٔ موقت)', lookupUnknown: 'این جست‌وجو روی سرور تنظیم نشده است'
  });

  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;

  let lookups = [];

  function panel() {
    let p = $('lookup-panel');
    if (!p && $('card')) {
      p = el('section', null, 'panel');
      p.id = 'lookup-panel';
      p.hidden = true;
      p.setAttribute('aria-live', 'polite');
      $('card').insertAdjacentElement('afterend', p);
    }
    return p;
  }

  function render() {
    const p = panel();
    if (!p) { return; }
    clear(p);
    p.hidden = lookups.length === 0;
    lookups.forEach(l => p.appendChild(section(l)));
  }

  function section(l) {
    const s = el('div', null, 'lookup');
    s.dataset.lookup = l.name;
    s.dataset.status = l.status;
    const title = (l.title && l.title[lang()]) || l.name;
    const h = el('h3', title);
    if (l.fromCache) { h.appendChild(el('span', ' · ' + t('lookupFromCache'), 'muted')); }
    s.appendChild(h);
    if (l.status === 'found') {
      const table = el('table', null, 'lookup-rows');
      const head = el('tr');
      (l.columns || []).forEach(c => head.appendChild(el('th', c[lang()] || c.key)));
      table.appendChild(head);
      (l.rows || []).forEach(r => {
        const tr = el('tr');
        (l.columns || []).forEach(c => tr.appendChild(el('td', r[c.key] == null ? '' : String(r[c.key]))));
        table.appendChild(tr);
      });
      s.appendChild(table);
    } else if (l.status === 'none') {
      s.appendChild(el('p', (l.reason && l.reason[lang()]) || t('lookupNone'), 'muted'));
    } else if (l.status === 'unknown_lookup') {
      s.appendChild(el('p', t('lookupUnknown'), 'muted'));
    } else {
      const why = (l.reason && l.reason[lang()]) || '';
      const msg = el('p', t('lookupNotAvailable').replace('{title}', title).replace('{reason}', why), 'why');
      msg.classList.add('lookup-unavailable');
      s.appendChild(msg);
    }
    return s;
  }

  document.addEventListener('console-live', ev => {
    const m = ev.detail;
    if (m.type === 'pop') {
      lookups = (m.pop && m.pop.lookups) || [];
      render();
    }
  });

  // console.js switches the language on <html lang>: follow it
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}());
