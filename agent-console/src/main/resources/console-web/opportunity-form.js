'use strict';
// The call pop's opportunity form and list: stage (the configured pipeline, from /api/sales/settings), product code,
// expected close and, on losing, a lost reason. The server checks all of it; this form only offers what it accepts
// and gives a stage's default probability when the stage changes.
Object.assign(I18N.en, {
  oppStage: 'Stage', oppProduct: 'Product code', oppExpectedClose: 'Expected close', oppLostReason: 'Lost reason',
  oppWon: 'Won', oppLost: 'Lost', oppEdit: 'Edit', oppNew: 'New'
});
Object.assign(I18N.fa, {
  oppStage: 'مرحله', oppProduct: 'کد محصول', oppExpectedClose: 'تاریخ بستن مورد انتظار', oppLostReason: 'دلیل از دست رفتن',
  oppWon: 'برده', oppLost: 'باخته', oppEdit: 'ویرایش', oppNew: 'جدید'
});

window.OpportunityForm = (function () {
  const $ = id => document.getElementById(id);
  const { el, clear } = Page;
  let settings = null;
  let loading = null;
  let lang = 'en';

  function t(key) { return (I18N[lang] && I18N[lang][key]) || I18N.en[key] || key; }
  function num(n) { return lang === 'fa' ? faDigits(n) : String(n); }

  function load() {
    if (!loading) {
      loading = Page.call('GET', '/api/sales/settings').then(s => { settings = s; return s; })
        .catch(() => { loading = null; return null; });
    }
    return loading;
  }

  function stageName(code) {
    if (code === 'won') { return t('oppWon'); }
    if (code === 'lost') { return t('oppLost'); }
    const s = settings && settings.stages.find(x => x.code === code);
    return s ? s[lang] || s.en : code;
  }
  function reasonName(code) {
    const r = settings && settings.lostReasons.find(x => x.code === code);
    return r ? r[lang] || r.en : code;
  }

  function fillSelects() {
    const stage = $('opp-stage');
    const chosen = stage.value;
    clear(stage);
    settings.stages.forEach(s => { const o = el('option', stageName(s.code)); o.value = s.code; stage.appendChild(o); });
    ['won', 'lost'].forEach(c => { const o = el('option', stageName(c)); o.value = c; stage.appendChild(o); });
    if (chosen) { stage.value = chosen; }
    const reason = $('opp-lost-reason');
    const why = reason.value;
    clear(reason);
    settings.lostReasons.forEach(r => { const o = el('option', reasonName(r.code)); o.value = r.code; reason.appendChild(o); });
    if (why) { reason.value = why; }
    showReason();
  }

  function showReason() {
    $('opp-lost-reason-label').hidden = $('opp-stage').value !== 'lost';
  }

  // the stage's default probability whenever the agent picks a stage; won is 100 and lost 0 on the server
  function stageChanged() {
    const s = settings && settings.stages.find(x => x.code === $('opp-stage').value);
    if (s) { $('opp-probability').value = s.probability; }
    showReason();
  }

  /** Lists the pop's open opportunities with an edit button each, in the reader's language. */
  async function render(pop, language) {
    lang = language;
    await load();
    if (settings) { fillSelects(); }
    const list = clear($('opportunity-list'));
    (pop.opportunities || []).forEach(o => {
      const li = el('li', o.title + ' — ' + num(o.amount) + ' ' + o.currency + ' · ' + stageName(o.stage) + ' · '
        + num(o.probability) + '%' + (o.product ? ' · ' + o.product : '') + ' · ' + o.owner + ' ');
      li.dataset.opportunity = o.id;
      const edit = el('button', t('oppEdit'), 'small ghost');
      edit.type = 'button';
      edit.addEventListener('click', () => fill(o));
      li.appendChild(edit);
      list.appendChild(li);
    });
  }

  function fill(o) {
    $('opp-id').value = o.id; $('opp-title').value = o.title; $('opp-amount').value = o.amount;
    $('opp-currency').value = o.currency; $('opp-probability').value = o.probability;
    $('opp-stage').value = o.stage; $('opp-product').value = o.product || '';
    $('opp-expected-close').value = o.expectedClose || ''; $('opp-lost-reason').value = o.lostReason || '';
    showReason();
  }

  /** What the form says, as the body of POST /api/opportunities or PUT /api/opportunities/{id}. */
  function body(pop) {
    const b = { customerId: pop.customer.id, interactionId: pop.interactionId, title: $('opp-title').value,
      amount: asciiDigits($('opp-amount').value), currency: $('opp-currency').value,
      probability: Number(asciiDigits($('opp-probability').value)), stage: $('opp-stage').value,
      product: $('opp-product').value.trim(), expectedClose: $('opp-expected-close').value || null };
    if (b.stage === 'lost') { b.lostReason = $('opp-lost-reason').value; }
    return b;
  }

  function reset() {
    ['opp-id', 'opp-title', 'opp-amount', 'opp-product', 'opp-expected-close'].forEach(id => { $(id).value = ''; });
    if (settings) { $('opp-stage').value = settings.stages[0].code; stageChanged(); }
  }

  $('opp-stage').addEventListener('change', stageChanged);
  return { render, body, reset };
}());
