'use strict';
// Quality review's shared part, loaded by the console and the quality page: its interface strings, the score of a
// filled form (as the server computes it), and the wallboard's "QA" column.
Object.assign(I18N.en, {
  quality: 'Quality', qualityReview: 'Quality review', qa: 'QA', forms: 'Evaluation forms', newForm: 'New form',
  formName: 'Form name', version: 'Version', criteria: 'Criteria', active: 'in use', retired: 'retired',
  retire: 'Retire', section: 'Section', sectionTitle: 'Section title', addSection: 'Add section',
  criterion: 'Criterion', addCriterion: 'Add criterion', weight: 'Weight', scale: 'Scale', 'yes-no': 'Yes / no',
  '1-5': '1 to 5', critical: 'Critical', saveForm: 'Save form', callsToReview: 'Calls to review',
  reviewCall: 'Review', evaluations: 'Evaluations', caller: 'Caller', scoreThisCall: 'Score this call',
  recordings: 'Recordings', noRecording: 'No recording', form: 'Form', yes: 'Yes', no: 'No', na: 'N/A',
  comment: 'Comment', overallComment: 'Overall comment', score: 'Score', saveEvaluation: 'Save evaluation',
  failedForm: 'Failed: critical item', unanswered: 'not answered yet', myEvaluations: 'My evaluations',
  evaluator: 'Evaluator', noEvaluations: 'No evaluations yet.', noCalls: 'No handled calls in this range.',
  noForms: 'No evaluation form yet: an admin defines one.', removeSection: 'Remove section',
  answer: 'Answer', formsAdminsOnly: 'Forms are defined by admins.'
});
Object.assign(I18N.fa, {
  quality: 'کیفیت', qualityReview: 'ارزیابی کیفیت', qa: 'کیفیت', forms: 'فرم‌های ارزیابی', newForm: 'فرم تازه',
  formName: 'نام فرم', version: 'نسخه', criteria: 'معیارها', active: 'در حال استفاده', retired: 'بازنشسته',
  retire: 'بازنشسته کردن', section: 'بخش', sectionTitle: 'عنوان بخش', addSection: 'افزودن بخش',
  criterion: 'معیار', addCriterion: 'افزودن معیار', weight: 'وزن', scale: 'مقیاس', 'yes-no': 'بله / خیر',
  '1-5': '۱ تا ۵', critical: 'حیاتی', saveForm: 'ذخیره فرم', callsToReview: 'تماس‌های قابل ارزیابی',
  reviewCall: 'ارزیابی', evaluations: 'ارزیابی‌ها', caller: 'تماس‌گیرنده', scoreThisCall: 'ارزیابی این تماس',
  recordings: 'ضبط‌ها', noRecording: 'ضبطی نیست', form: 'فرم', yes: 'بله', no: 'خیر', na: 'نامربوط',
  comment: 'توضیح', overallComment: 'توضیح کلی', score: 'امتیاز', saveEvaluation: 'ذخیره ارزیابی',
  failedForm: 'مردود: معیار حیاتی', unanswered: 'هنوز بی‌پاسخ', myEvaluations: 'ارزیابی‌های من',
  evaluator: 'ارزیاب', noEvaluations: 'هنوز ارزیابی‌ای نیست.', noCalls: 'در این بازه تماسی پاسخ داده نشده است.',
  noForms: 'هنوز فرم ارزیابی‌ای نیست: مدیر باید یکی بسازد.', removeSection: 'حذف بخش',
  answer: 'پاسخ', formsAdminsOnly: 'فرم‌ها را مدیران تعریف می‌کنند.'
});

window.Quality = (function () {
  /**
   * The score of the answers given so far, as cc.console.domain.quality.Scoring computes it (same order, same
   * rounding): yes 1, no 0, 1-5 as (n-1)/4, n/a left out of the weights; a critical no (or 1) fails the form.
   * Returns null before anything that counts is answered.
   */
  function score(form, answers) {
    let points = 0, possible = 0, missing = 0;
    const failedCritical = [];
    form.sections.forEach(s => s.criteria.forEach(c => {
      const a = answers[c.id];
      if (a === undefined || a === '') { missing++; return; }
      if (a === 'n/a') { return; }
      const fraction = c.scale === 'yes-no' ? (a === 'yes' ? 1 : 0) : (Number(a) - 1) / 4;
      if (c.critical && fraction === 0) { failedCritical.push(c.id); }
      points += c.weight * fraction;
      possible += c.weight;
    }));
    if (possible === 0) { return null; }
    const failed = failedCritical.length > 0;
    return { percent: failed ? 0 : Math.round(points / possible * 100 * 100) / 100, failed, failedCritical, missing };
  }

  /** 87.5, or ۸۷٫۵ for Persian readers. */
  function number(value, lang) {
    const text = String(Math.round(value * 100) / 100);
    return lang === 'fa' ? faDigits(text.replace('.', '٫')) : text;
  }
  return { score, number };
}());

// The wallboard's agent grid gets a QA column: each agent's average over the last 30 days and how many evaluations.
window.QualityBoard = (function () {
  const REFRESH_MS = 60000;
  let averages = new Map();
  let lang = 'en';
  let timer = null;

  async function load(api) {
    try {
      const r = await api('GET', '/api/quality/wallboard');
      averages = new Map(r.agents.map(a => [a.agentId, a]));
      const body = document.getElementById('agent-rows');
      if (body) { decorate(body, lang); }
    } catch (e) { /* the grid keeps its last figures */ }
  }

  /** After sign-in: show the quality link, and for supervisors fetch the averages now and every minute. */
  function start(me, api) {
    const link = document.getElementById('quality-link');
    if (link) { link.hidden = false; }
    if (me.role !== 'supervisor' && me.role !== 'admin') { return; }
    load(api);
    if (!timer) { timer = setInterval(() => load(api), REFRESH_MS); }
  }

  /** Adds the QA cell to every row the console drew (before the actions cell), and the column's heading. */
  function decorate(body, language) {
    lang = language || lang;
    const t = key => (I18N[lang] && I18N[lang][key]) || I18N.en[key];
    const head = body.closest('table').querySelector('thead tr');
    let th = head.querySelector('th.qa');
    if (!th) {
      th = document.createElement('th');
      th.className = 'qa';
      head.insertBefore(th, head.lastElementChild);
    }
    th.textContent = t('qa');
    body.querySelectorAll('tr[data-agent]').forEach(tr => {
      let td = tr.querySelector('td.qa');
      if (!td) {
        td = document.createElement('td');
        td.className = 'qa';
        tr.insertBefore(td, tr.lastElementChild);
      }
      const a = averages.get(tr.dataset.agent);
      td.textContent = a ? Quality.number(a.averageScore, lang) + ' (' + Quality.number(a.count, lang) + ')' : '-';
      td.dataset.score = a ? String(a.averageScore) : '';
      td.classList.toggle('error', !!(a && a.failed > 0));
    });
  }
  return { start, decorate };
}());
