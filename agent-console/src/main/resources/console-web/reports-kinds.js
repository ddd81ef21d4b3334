'use strict';
// The skill, campaign and quality reports on the reports page: how reports.js asks for each and charts it, and their
// words in English and Persian. Column names match the CSV's headers (cc.console.adapter.http.ReportKindTable).
(function () {
  // "Not dialled: <reason>" for each reason the dialer gave (do-not-call, outside-hours...), reasons as written
  function skipColumn(key, t) {
    return key.startsWith('skip:') ? t('notDialledFor') + ': ' + key.substring(5) : null;
  }
  const quality = {
    title: 'qualityQueueReport', path: 'quality', subjectParam: 'queue', subjectKey: 'queue', subjectLabel: 'reportQueue',
    params: p => p.set('by', 'queue'), bars: ['surveys', 'evaluations', 'criticalFailures'], barsName: 'chartAnswers',
    // one queue's line is its average satisfaction, 1 to 5
    ratio: 'averageSatisfaction', ratioName: 'col.averageSatisfaction', ratioScale: 1, ratioMax: 5, ratioAxis: '1-5',
    percent: ['criticalFailureRate']
  };
  window.ReportKinds = {
    skills: { title: 'skillReport', path: 'skills', subjectParam: 'skill', subjectKey: 'skill', subjectLabel: 'reportSkill',
      bars: ['offered', 'answered', 'abandoned'], ratio: 'serviceLevel', ratioName: 'chartPercent' },
    campaigns: { title: 'campaignReport', path: 'campaigns', subjectParam: 'campaign', subjectKey: 'campaign',
      subjectLabel: 'reportCampaign', bars: ['dials', 'contacts', 'connected', 'abandoned', 'conversions', 'skipped'],
      barsName: 'chartAttempts', ratio: 'abandonRate', ratioName: 'col.abandonRate', columnName: skipColumn,
      percent: ['abandonRate', 'abandonRateUk', 'connectRate', 'conversionRate', 'roi'] },
    quality,
    'quality-agents': Object.assign({}, quality, { title: 'qualityAgentReport', subjectParam: 'agent', subjectKey: 'agent',
      subjectLabel: 'reportAgent', params: p => p.set('by', 'agent') })
  };

  Object.assign(I18N.en, {
    skillReport: 'Skills', campaignReport: 'Campaigns', qualityQueueReport: 'Quality by queue',
    qualityAgentReport: 'Quality by agent', reportSkill: 'Skill (empty = all)', reportCampaign: 'Campaign id (empty = all)',
    chartAttempts: 'Calls', chartAnswers: 'Answers and evaluations', notDialledFor: 'Not dialled',
    'col.skill': 'Skill', 'col.campaign': 'Campaign', 'col.campaignName': 'Campaign name', 'col.dials': 'Dials',
    'col.contacts': 'Reached a person', 'col.connected': 'Answered by an agent', 'col.machines': 'Machines',
    'col.amdFalsePositives': 'AMD false positives', 'col.noAnswer': 'No answer', 'col.busy': 'Busy', 'col.failed': 'Failed',
    'col.skipped': 'Not dialled', 'col.abandonRate': 'Abandon rate %', 'col.abandonRateUk': 'Abandon rate, Ofcom %',
    'col.connectRate': 'Connect rate %', 'col.conversions': 'Conversions', 'col.conversionRate': 'Conversion rate %',
    'col.billedMinutes': 'Billed minutes', 'col.currency': 'Currency', 'col.cost': 'Cost', 'col.revenue': 'Revenue',
    'col.roi': 'ROI %', 'col.surveys': 'Survey answers', 'col.averageSatisfaction': 'Average satisfaction (1-5)',
    'col.evaluations': 'QA evaluations', 'col.averageScore': 'Average QA score', 'col.criticalFailures': 'Critical failures',
    'col.criticalFailureRate': 'Critical failure rate %'
  });
  Object.assign(I18N.fa, {
    skillReport: 'مهارت‌ها', campaignReport: 'کمپین‌ها', qualityQueueReport: 'کیفیت به تفکیک صف',
    qualityAgentReport: 'کیفیت به تفکیک کارشناس', reportSkill: 'مهارت (خالی = همه)', reportCampaign: 'شناسه کمپین (خالی = همه)',
    chartAttempts: 'تماس‌ها', chartAnswers: 'پاسخ‌ها و ارزیابی‌ها', notDialledFor: 'شماره‌گیری نشده',
    'col.skill': 'مهارت', 'col.campaign': 'کمپین', 'col.campaignName': 'نام کمپین', 'col.dials': 'شماره‌گیری‌ها',
    'col.contacts': 'پاسخ فرد', 'col.connected': 'وصل به کارشناس', 'col.machines': 'پیغام‌گیر',
    'col.amdFalsePositives': 'تشخیص نادرست پیغام‌گیر', 'col.noAnswer': 'بی‌پاسخ', 'col.busy': 'اشغال', 'col.failed': 'ناموفق',
    'col.skipped': 'شماره‌گیری نشده', 'col.abandonRate': 'نرخ رهاشدگی ٪', 'col.abandonRateUk': 'نرخ رهاشدگی، آفکام ٪',
    'col.connectRate': 'نرخ اتصال ٪', 'col.conversions': 'فروش‌ها', 'col.conversionRate': 'نرخ فروش ٪',
    'col.billedMinutes': 'دقیقه‌های صورت‌حساب', 'col.currency': 'واحد پول', 'col.cost': 'هزینه', 'col.revenue': 'درآمد',
    'col.roi': 'بازگشت سرمایه ٪', 'col.surveys': 'پاسخ‌های نظرسنجی', 'col.averageSatisfaction': 'میانگین رضایت (۱ تا ۵)',
    'col.evaluations': 'ارزیابی‌های کیفیت', 'col.averageScore': 'میانگین امتیاز کیفیت', 'col.criticalFailures': 'خطاهای بحرانی',
    'col.criticalFailureRate': 'نرخ خطای بحرانی ٪'
  });
}());
