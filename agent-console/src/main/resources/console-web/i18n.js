'use strict';
// Interface strings in English and Persian; numbers for Persian readers use Persian digits.
window.I18N = {
  en: {
    appTitle: 'Contact center', signIn: 'Sign in', signOut: 'Sign out', username: 'User name', password: 'Password',
    myState: 'My state', available: 'Available', pause: 'Pause', endWrapUp: 'End wrap-up',
    reasonBreak: 'Break', reasonLunch: 'Lunch', reasonTraining: 'Training', reasonMeeting: 'Meeting',
    noCall: 'No call yet. Calls that reach you appear here.', number: 'Number', dial: 'Dial', segment: 'Segment',
    queue: 'Queue', topic: 'Topic', ivrPath: 'In the IVR', unknownCaller: 'Unknown caller: create the customer',
    name: 'Name', create: 'Create', scriptedAnswers: 'Scripted answers', questions: 'Questions to ask',
    history: 'Earlier conversations', when: 'When', channel: 'Channel', disposition: 'Outcome', notes: 'Notes',
    saveOutcome: 'Outcome of this call', save: 'Save', callback: 'Call back', schedule: 'Schedule', note: 'Note',
    opportunities: 'Open opportunities', title: 'Title', amount: 'Amount', currency: 'Currency',
    probability: 'Probability %', dialNumber: 'Dial a number', queues: 'Queues', waiting: 'Waiting',
    longestWait: 'Longest wait', serviceLevel: 'Service level', answered: 'Answered', abandoned: 'Abandoned',
    asa: 'ASA', aht: 'AHT', agents: 'Agents', agent: 'Agent', state: 'State', timeInState: 'Time in state',
    calls: 'Calls', users: 'Users', role: 'Role', agentId: 'Agent id', phone: 'Phone', language: 'Language',
    knowledgeBase: 'Knowledge base', body: 'Text', topics: 'Topics', skills: 'Skills',
    saved: 'Saved', failed: 'Failed', solvedCall: 'Solved call', article: 'Article', matched: 'matched',
    listen: 'Listen', whisper: 'Whisper', barge: 'Barge', logOut: 'Log out', unknown: 'Unknown caller',
    keyed: 'keyed', lastHour: 'waiting, last hour', dialing: 'Dialling…', scheduled: 'Scheduled',
    'available-state': 'available', 'paused-state': 'paused', 'on-call-state': 'on a call', 'ringing-state': 'ringing',
    'wrap-up-state': 'wrap-up', 'logged-out-state': 'logged out', 'reserved-state': 'reserved'
  },
  fa: {
    appTitle: 'مرکز تماس', signIn: 'ورود', signOut: 'خروج', username: 'نام کاربری', password: 'گذرواژه',
    myState: 'وضعیت من', available: 'آماده', pause: 'توقف', endWrapUp: 'پایان جمع‌بندی',
    reasonBreak: 'استراحت', reasonLunch: 'ناهار', reasonTraining: 'آموزش', reasonMeeting: 'جلسه',
    noCall: 'هنوز تماسی نیست. تماس‌ها اینجا نمایش داده می‌شوند.', number: 'شماره', dial: 'شماره‌گیری', segment: 'بخش',
    queue: 'صف', topic: 'موضوع', ivrPath: 'مسیر در منوی صوتی', unknownCaller: 'تماس‌گیرنده ناشناس: مشتری را بسازید',
    name: 'نام', create: 'ساختن', scriptedAnswers: 'پاسخ‌های آماده', questions: 'پرسش‌ها',
    history: 'گفتگوهای پیشین', when: 'زمان', channel: 'کانال', disposition: 'نتیجه', notes: 'یادداشت',
    saveOutcome: 'نتیجه این تماس', save: 'ذخیره', callback: 'تماس مجدد', schedule: 'زمان‌بندی', note: 'یادداشت',
    opportunities: 'فرصت‌های باز', title: 'عنوان', amount: 'مبلغ', currency: 'ارز',
    probability: 'احتمال ٪', dialNumber: 'شماره‌گیری', queues: 'صف‌ها', waiting: 'در انتظار',
    longestWait: 'طولانی‌ترین انتظار', serviceLevel: 'سطح خدمت', answered: 'پاسخ داده', abandoned: 'رها شده',
    asa: 'میانگین پاسخ', aht: 'میانگین مکالمه', agents: 'کارشناسان', agent: 'کارشناس', state: 'وضعیت',
    timeInState: 'مدت در وضعیت', calls: 'تماس‌ها', users: 'کاربران', role: 'نقش', agentId: 'شناسه کارشناس',
    phone: 'تلفن', language: 'زبان', knowledgeBase: 'پایگاه دانش', body: 'متن', topics: 'موضوع‌ها', skills: 'مهارت‌ها',
    saved: 'ذخیره شد', failed: 'ناموفق', solvedCall: 'تماس حل‌شده', article: 'مقاله', matched: 'واژه‌های مشترک',
    listen: 'شنود', whisper: 'نجوا', barge: 'ورود به مکالمه', logOut: 'خروج از سیستم', unknown: 'تماس‌گیرنده ناشناس',
    keyed: 'کلید زد', lastHour: 'در انتظار، یک ساعت اخیر', dialing: 'در حال شماره‌گیری…', scheduled: 'زمان‌بندی شد',
    'available-state': 'آماده', 'paused-state': 'توقف', 'on-call-state': 'در مکالمه', 'ringing-state': 'در حال زنگ',
    'wrap-up-state': 'جمع‌بندی', 'logged-out-state': 'خارج', 'reserved-state': 'رزرو'
  }
};

window.faDigits = function (text) {
  return String(text).replace(/[0-9]/g, d => String.fromCharCode(0x06F0 + Number(d)));
};
window.asciiDigits = function (text) {
  return String(text).replace(/[\u06F0-\u06F9]/g, d => String(d.charCodeAt(0) - 0x06F0))
    .replace(/[\u0660-\u0669]/g, d => String(d.charCodeAt(0) - 0x0660));
};
