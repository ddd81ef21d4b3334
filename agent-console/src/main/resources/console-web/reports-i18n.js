'use strict';
// The reports page's words, in their own file so the console's header (its Reports link) and the page share them.
// Column names match the CSV download's headers (cc.console.adapter.http.ReportCsv), so the table and the file agree.
Object.assign(I18N.en, {
  reports: 'Reports', reportKind: 'Report', queueReport: 'Queues', agentReport: 'Agents', reportQueue: 'Queue (empty = all)',
  reportAgent: 'Agent id (empty = all)', reportFrom: 'From', reportTo: 'To', reportInterval: 'Interval',
  reportCalendar: 'Calendar', gregorian: 'Gregorian', jalali: 'Jalali (Persian)', i15m: '15 minutes', ihour: 'Hour',
  iday: 'Day', iweek: 'Week', imonth: 'Month', showReport: 'Show', downloadCsv: 'Download CSV',
  reportsManagersOnly: 'Reports are for supervisors and admins.', noRows: 'No figures for this range.',
  reportLoading: 'Reading…', chartCalls: 'Calls', chartPercent: 'Service level %', chartOccupancy: 'Occupancy %',
  'col.bucket': 'Period', 'col.queue': 'Queue', 'col.agent': 'Agent', 'col.offered': 'Offered', 'col.answered': 'Answered',
  'col.answeredInThreshold': 'Answered in threshold', 'col.abandoned': 'Abandoned', 'col.shortAbandoned': 'Short abandons',
  'col.overflowed': 'Overflowed', 'col.serviceLevel': 'Service level %', 'col.averageSpeedOfAnswer': 'Average speed of answer (s)',
  'col.averageHandleTime': 'Average handle time (s)', 'col.averageTalk': 'Average talk (s)', 'col.averageHold': 'Average hold (s)',
  'col.averageWrapUp': 'Average wrap-up (s)', 'col.talkSeconds': 'Talk (s)', 'col.holdSeconds': 'Hold (s)',
  'col.wrapUpSeconds': 'Wrap-up (s)', 'col.transfersOut': 'Transfers out', 'col.transfers': 'Transfers',
  'col.firstContactResolution': 'First-contact resolution %', 'col.callsHandled': 'Calls handled',
  'col.loggedInSeconds': 'Logged in (s)', 'col.staffedSeconds': 'Staffed (s)', 'col.occupancy': 'Occupancy %',
  'col.utilisation': 'Utilisation %', 'col.state:available': 'Available (s)', 'col.state:reserved': 'Reserved (s)',
  'col.state:ringing': 'Ringing (s)', 'col.state:on-call': 'On a call (s)', 'col.state:wrap-up': 'In wrap-up (s)',
  'col.state:paused': 'Paused (s)', 'col.state:logged-out': 'Logged out (s)', pausedFor: 'Paused', secondsUnit: '(s)'
});
Object.assign(I18N.fa, {
  reports: 'گزارش‌ها', reportKind: 'گزارش', queueReport: 'صف‌ها', agentReport: 'کارشناسان', reportQueue: 'صف (خالی = همه)',
  reportAgent: 'شناسه کارشناس (خالی = همه)', reportFrom: 'از', reportTo: 'تا', reportInterval: 'بازه',
  reportCalendar: 'تقویم', gregorian: 'میلادی', jalali: 'شمسی', i15m: '۱۵ دقیقه', ihour: 'ساعت',
  iday: 'روز', iweek: 'هفته', imonth: 'ماه', showReport: 'نمایش', downloadCsv: 'دریافت CSV',
  reportsManagersOnly: 'گزارش‌ها برای سرپرستان و مدیران است.', noRows: 'برای این بازه رقمی نیست.',
  reportLoading: 'در حال خواندن…', chartCalls: 'تماس‌ها', chartPercent: 'سطح خدمت ٪', chartOccupancy: 'اشغال ٪',
  'col.bucket': 'بازه', 'col.queue': 'صف', 'col.agent': 'کارشناس', 'col.offered': 'تماس‌های ورودی', 'col.answered': 'پاسخ داده شده',
  'col.answeredInThreshold': 'پاسخ در آستانه', 'col.abandoned': 'رها شده', 'col.shortAbandoned': 'رهاشده‌های کوتاه',
  'col.overflowed': 'سرریز', 'col.serviceLevel': 'سطح خدمت ٪', 'col.averageSpeedOfAnswer': 'میانگین زمان پاسخ (ثانیه)',
  'col.averageHandleTime': 'میانگین زمان رسیدگی (ثانیه)', 'col.averageTalk': 'میانگین مکالمه (ثانیه)',
  'col.averageHold': 'میانگین انتظار روی خط (ثانیه)', 'col.averageWrapUp': 'میانگین جمع‌بندی (ثانیه)',
  'col.talkSeconds': 'مکالمه (ثانیه)', 'col.holdSeconds': 'انتظار روی خط (ثانیه)', 'col.wrapUpSeconds': 'جمع‌بندی (ثانیه)',
  'col.transfersOut': 'انتقال‌ها', 'col.transfers': 'انتقال‌ها', 'col.firstContactResolution': 'حل در اولین تماس ٪',
  'col.callsHandled': 'تماس‌های رسیدگی شده', 'col.loggedInSeconds': 'حضور در سامانه (ثانیه)',
  'col.staffedSeconds': 'آماده به کار (ثانیه)', 'col.occupancy': 'اشغال ٪', 'col.utilisation': 'بهره‌وری ٪',
  'col.state:available': 'آزاد (ثانیه)', 'col.state:reserved': 'رزرو شده (ثانیه)', 'col.state:ringing': 'در حال زنگ (ثانیه)',
  'col.state:on-call': 'در مکالمه (ثانیه)', 'col.state:wrap-up': 'در جمع‌بندی (ثانیه)', 'col.state:paused': 'مکث (ثانیه)',
  'col.state:logged-out': 'خارج از سامانه (ثانیه)', pausedFor: 'مکث', secondsUnit: '(ثانیه)'
});
