'use strict';
// The queue report of one channel on the reports page: calls, chats or emails only (GET /api/reports/queues with
// ?channel=voice|chat|email; "Queues" stays every channel). Added to reports.js's kinds of report and to its menu;
// words in English and Persian.
(function () {
  const queuesOf = (channel, title) => ({
    title, path: 'queues', subjectParam: 'queue', subjectKey: 'queue', subjectLabel: 'reportQueue',
    bars: ['offered', 'answered', 'abandoned'], ratio: 'serviceLevel', ratioName: 'chartPercent',
    params: p => p.set('channel', channel)
  });
  window.ReportKinds = Object.assign(window.ReportKinds || {}, {
    'queues-voice': queuesOf('voice', 'voiceQueueReport'),
    'queues-chat': queuesOf('chat', 'chatQueueReport'),
    'queues-email': queuesOf('email', 'emailQueueReport')
  });

  Object.assign(I18N.en, {
    voiceQueueReport: 'Queues: calls only', chatQueueReport: 'Queues: chats only', emailQueueReport: 'Queues: emails only'
  });
  Object.assign(I18N.fa, {
    voiceQueueReport: 'صف‌ها: فقط تماس‌ها', chatQueueReport: 'صف‌ها: فقط گفتگوها', emailQueueReport: 'صف‌ها: فقط ایمیل‌ها'
  });

  const kind = document.getElementById('r-kind');
  const queues = kind && kind.querySelector('option[value="queues"]');
  if (queues) {
    ['email', 'chat', 'voice'].forEach(channel => {
      const o = document.createElement('option');
      o.value = 'queues-' + channel;
      o.dataset.t = channel + 'QueueReport';
      o.textContent = I18N.en[channel + 'QueueReport'];
      queues.insertAdjacentElement('afterend', o);
    });
  }
}());
