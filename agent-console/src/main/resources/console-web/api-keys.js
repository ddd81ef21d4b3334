'use strict';
// The admins' panel for the back-office API's keys (/api/admin/api-keys): the keys with their scopes, rate and state,
// a form to make one (its secret shown once, right after), and Revoke. Built into the admin section once the live
// channel says hello and the session is an admin's; strings in English and Persian.
(function () {
  Object.assign(I18N.en, {
    apiKeys: 'Back-office API keys', apiKeyName: 'Used by', apiKeyScopes: 'Scopes', apiKeyRate: 'Requests a minute',
    apiKeyCreate: 'Create key', apiKeyRevoke: 'Revoke', apiKeyRevoked: 'revoked', apiKeyActive: 'active',
    apiKeyNone: 'No keys yet', apiKeyShownOnce: 'Copy this key now: it is not shown again.',
    apiKeyConfirmRevoke: 'Revoke this key? Systems using it are refused at once.', apiKeyFailed: 'Not done',
    'scope-customers:read': 'read customers', 'scope-customers:write': 'write customers',
    'scope-interactions:read': 'read interactions', 'scope-callbacks:create': 'create call backs',
    'scope-campaigns:manage': 'manage campaigns', apiKeyCreatedBy: 'by'
  });
  Object.assign(I18N.fa, {
    apiKeys: 'کلیدهای API سامانه‌های پشتیبان', apiKeyName: 'کاربرد', apiKeyScopes: 'دسترسی‌ها',
    apiKeyRate: 'درخواست در دقیقه', apiKeyCreate: 'ساخت کلید', apiKeyRevoke: 'باطل کردن', apiKeyRevoked: 'باطل‌شده',
    apiKeyActive: 'فعال', apiKeyNone: 'هنوز کلیدی نیست', apiKeyShownOnce: 'این کلید را همین حالا کپی کنید: دوباره نشان داده نمی‌شود.',
    apiKeyConfirmRevoke: 'این کلید باطل شود؟ سامانه‌هایی که از آن استفاده می‌کنند بی‌درنگ رد می‌شوند.',
    apiKeyFailed: 'انجام نشد', 'scope-customers:read': 'خواندن مشتریان', 'scope-customers:write': 'نوشتن مشتریان',
    'scope-interactions:read': 'خواندن تعامل‌ها', 'scope-callbacks:create': 'ثبت تماس برگشتی',
    'scope-campaigns:manage': 'مدیریت کمپین‌ها', apiKeyCreatedBy: 'توسط'
  });

  const SCOPES = ['customers:read', 'customers:write', 'interactions:read', 'callbacks:create', 'campaigns:manage'];
  const { el, clear } = Page;
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'fa' ? 'fa' : 'en';
  const t = key => (I18N[lang()] && I18N[lang()][key]) || I18N.en[key] || key;
  const num = n => lang() === 'fa' ? String(n).replace(/[0-9]/g, d => '۰۱۲۳۴۵۶۷۸۹'[d]) : String(n);

  let me = null;
  let keys = [];
  let shown = '';
  let error = '';

  function panel() {
    let p = $('api-key-panel');
    const grid = document.querySelector('#admin .grid');
    if (!p && grid) {
      p = el('section', null, 'panel');
      p.id = 'api-key-panel';
      grid.appendChild(p);
    }
    return p;
  }

  function render() {
    const p = panel();
    if (!p || !me || me.role !== 'admin') { return; }
    clear(p);
    p.appendChild(el('h2', t('apiKeys')));
    const list = el('ul');
    list.id = 'api-key-list';
    if (keys.length === 0) { list.appendChild(el('li', t('apiKeyNone'), 'muted')); }
    keys.forEach(k => {
      const li = el('li');
      li.dataset.key = k.id;
      li.appendChild(el('strong', k.name));
      li.appendChild(el('span', ' · ' + k.id + ' · ' + k.scopes.map(s => t('scope-' + s)).join('، ') + ' · '
        + num(k.perMinute) + '/' + t('apiKeyRate') + ' · ' + t('apiKeyCreatedBy') + ' ' + k.createdBy, 'muted'));
      li.appendChild(el('span', ' · ' + (k.active ? t('apiKeyActive') : t('apiKeyRevoked')),
        k.active ? 'ok' : 'error'));
      if (k.active) {
        const b = el('button', t('apiKeyRevoke'), 'ghost api-key-revoke');
        b.type = 'button';
        b.addEventListener('click', () => revoke(k.id));
        li.appendChild(b);
      }
      list.appendChild(li);
    });
    p.appendChild(list);

    const form = el('form');
    form.id = 'api-key-form';
    const name = el('input');
    name.id = 'api-key-name';
    name.required = true;
    name.maxLength = 100;
    const nameLabel = el('label');
    nameLabel.appendChild(el('span', t('apiKeyName')));
    nameLabel.appendChild(name);
    form.appendChild(nameLabel);
    const scopes = el('fieldset');
    scopes.appendChild(el('legend', t('apiKeyScopes')));
    SCOPES.forEach(s => {
      const l = el('label');
      const c = el('input');
      c.type = 'checkbox';
      c.value = s;
      c.className = 'api-key-scope';
      l.appendChild(c);
      l.appendChild(el('span', ' ' + t('scope-' + s) + ' (' + s + ')'));
      scopes.appendChild(l);
    });
    form.appendChild(scopes);
    const rate = el('input');
    rate.id = 'api-key-rate';
    rate.type = 'number';
    rate.min = '1';
    rate.max = '100000';
    rate.value = '60';
    const rateLabel = el('label');
    rateLabel.appendChild(el('span', t('apiKeyRate')));
    rateLabel.appendChild(rate);
    form.appendChild(rateLabel);
    const submit = el('button', t('apiKeyCreate'));
    submit.type = 'submit';
    form.appendChild(submit);
    form.addEventListener('submit', ev => { ev.preventDefault(); create(); });
    p.appendChild(form);

    if (shown) {
      const box = el('p', null, 'ok');
      box.appendChild(el('span', t('apiKeyShownOnce') + ' '));
      const out = el('input');
      out.id = 'api-key-secret';
      out.readOnly = true;
      out.value = shown;
      out.dir = 'ltr';
      box.appendChild(out);
      p.appendChild(box);
    }
    const status = el('p', error ? t('apiKeyFailed') + ': ' + error : '', error ? 'error' : 'ok');
    status.id = 'api-key-status';
    status.setAttribute('role', 'status');
    p.appendChild(status);
  }

  async function load() {
    try {
      keys = (await Page.call('GET', '/api/admin/api-keys')).keys;
    } catch (e) {
      error = e.message;
    }
    render();
  }

  async function create() {
    error = '';
    shown = '';
    const scopes = Array.from(document.querySelectorAll('#api-key-form .api-key-scope:checked')).map(c => c.value);
    try {
      const made = await Page.call('POST', '/api/admin/api-keys', {
        name: $('api-key-name').value, scopes, perMinute: Number($('api-key-rate').value)
      }, me.csrfToken);
      shown = made.key;
    } catch (e) {
      error = e.message;
    }
    await load();
  }

  async function revoke(id) {
    if (!window.confirm(t('apiKeyConfirmRevoke'))) { return; }
    error = '';
    shown = '';
    try {
      await Page.call('DELETE', '/api/admin/api-keys/' + encodeURIComponent(id), undefined, me.csrfToken);
    } catch (e) {
      error = e.message;
    }
    await load();
  }

  document.addEventListener('console-live', async ev => {
    if (ev.detail.type !== 'hello' || ev.detail.role !== 'admin') { return; }
    try {
      me = await Page.call('GET', '/api/session');
    } catch (e) {
      return;
    }
    load();
  });
  // the language switch sets the page's lang: the panel is drawn again in that language
  new MutationObserver(() => render()).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}());
