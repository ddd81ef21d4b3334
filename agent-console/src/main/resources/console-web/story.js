'use strict';
// The story of one call told from its segments, for the agent reading it: "42 s in IVR (balance, then agent),
// waited 1:10 in support, rang a2 (no answer), answered by you". The pop card and the timeline both use Story.line,
// so the two never tell the same call differently. Words are in WORDS below, English and Persian.
window.Story = (function () {
  const WORDS = {
    en: {
      join: ', ', then: ', then ', seconds: '{n} s',
      ivr: '{d} in IVR', ivrHungUp: ', hung up there',
      queue: 'waited {d} in {queue}', queueAbandoned: 'gave up after {d} in {queue}',
      queueCallback: 'waited {d} in {queue}, asked to be called back',
      queueOverflow: 'moved from {queue} to {to} after {d}', queueOverflowCallback: 'left {queue} for a call back after {d}',
      toQueue: '{queue}', toVoicemail: 'voicemail',
      'wait-limit': 'waited too long', 'queue-full': 'queue full', 'queue-closed': 'queue closed',
      ringing: 'ringing {agent}', ringingYou: 'ringing you',
      rang: 'rang {agent}', rangYou: 'rang you',
      'no-answer': 'rang {agent} (no answer)', 'no-answerYou': 'rang you (no answer)',
      refused: 'rang {agent} (refused)', refusedYou: 'rang you (refused)',
      cancelled: 'rang {agent} (stopped)', cancelledYou: 'rang you (stopped)',
      failed: 'could not ring {agent}', failedYou: 'could not ring you',
      'caller-left': "gave up while {agent}'s phone rang", 'caller-leftYou': 'gave up while your phone rang',
      talk: 'answered by {agent}', talkYou: 'answered by you',
      hold: 'on hold {d}', transfer: 'transferred', transferTo: 'transferred to {to}', conference: 'in a conference',
      abandonMessage: 'heard the abandon message', beforeAnswer: 'hung up before the call was answered'
    },
    fa: {
      join: '، ', then: '، سپس ', seconds: '{n} ثانیه',
      ivr: '{d} در منوی صوتی', ivrHungUp: '، همان‌جا قطع کرد',
      queue: '{d} در صف {queue} منتظر ماند', queueAbandoned: 'پس از {d} انتظار در صف {queue} قطع کرد',
      queueCallback: '{d} در صف {queue} منتظر ماند و تماس مجدد خواست',
      queueOverflow: 'پس از {d} از صف {queue} به {to} رفت', queueOverflowCallback: 'پس از {d} از صف {queue} به تماس مجدد سپرده شد',
      toQueue: 'صف {queue}', toVoicemail: 'پیام‌گیر صوتی',
      'wait-limit': 'انتظار طولانی', 'queue-full': 'صف پر بود', 'queue-closed': 'صف بسته بود',
      ringing: 'تلفن {agent} در حال زنگ خوردن', ringingYou: 'تلفن شما در حال زنگ خوردن',
      rang: 'تلفن {agent} زنگ خورد', rangYou: 'تلفن شما زنگ خورد',
      'no-answer': 'تلفن {agent} زنگ خورد (بی‌پاسخ)', 'no-answerYou': 'تلفن شما زنگ خورد (بی‌پاسخ)',
      refused: 'تلفن {agent} زنگ خورد (رد شد)', refusedYou: 'تلفن شما زنگ خورد (رد شد)',
      cancelled: 'تلفن {agent} زنگ خورد (متوقف شد)', cancelledYou: 'تلفن شما زنگ خورد (متوقف شد)',
      failed: 'زنگ زدن به تلفن {agent} ممکن نشد', failedYou: 'زنگ زدن به تلفن شما ممکن نشد',
      'caller-left': 'هنگام زنگ خوردن تلفن {agent} قطع کرد', 'caller-leftYou': 'هنگام زنگ خوردن تلفن شما قطع کرد',
      talk: '{agent} پاسخ داد', talkYou: 'شما پاسخ دادید',
      hold: '{d} در انتظار نگه داشته شد', transfer: 'منتقل شد', transferTo: 'به {to} منتقل شد', conference: 'در کنفرانس',
      abandonMessage: 'پیام رهاشدگی را شنید', beforeAnswer: 'پیش از پاسخ قطع کرد'
    }
  };
  const OFFER_OUTCOMES = ['no-answer', 'refused', 'cancelled', 'failed', 'caller-left'];

  /**
   * The story line of a record as ScreenPops sends it ({segments, ivrPath, segmentsKept, abandonedWhere}); '' for
   * records made before segments were kept, which show what they always did. opts: lang ('en' | 'fa'), me (the
   * reading agent's id, told as "you"), asOf (ISO instant up to which open segments are counted: the pop's moment).
   */
  function line(record, opts) {
    if (!record || !record.segmentsKept) { return ''; }
    const lang = opts.lang === 'fa' ? 'fa' : 'en';
    const w = WORDS[lang];
    const asOf = opts.asOf ? Date.parse(opts.asOf) : Date.now();
    const segments = record.segments || [];
    const parts = [];
    const queues = segments.filter(s => s.kind === 'queue');
    // a caller who hung up while a phone rang also left the queue: the ringing tells it
    const leftRinging = segments.some(s => s.kind === 'offer' && s.outcome === 'caller-left');
    segments.forEach(s => {
      const d = duration(s, asOf, lang);
      if (s.kind === 'ivr') {
        // the queue's announcements run in the IVR too; they belong to the wait, not to the caller's route
        if (queues.some(q => during(s, q))) { return; }
        const nodes = route(record.ivrPath || [], s, segments).map(n => name(n, lang)).join(w.then);
        parts.push(fill(w.ivr, { d }) + (nodes ? ' (' + nodes + ')' : '')
          + (s.outcome === 'caller-hung-up' ? w.ivrHungUp : ''));
      } else if (s.kind === 'queue') {
        parts.push(queueStory(s, d, w, lang, leftRinging));
      } else if (s.kind === 'offer') {
        const key = s.outcome === 'answered' ? null : !s.endedAt ? 'ringing'
          : OFFER_OUTCOMES.indexOf(s.outcome) >= 0 ? s.outcome : 'rang';
        if (key) { parts.push(aboutAgent(w, key, s.agentId, opts.me, lang)); }
      } else if (s.kind === 'talk') {
        parts.push(aboutAgent(w, 'talk', s.agentId, opts.me, lang));
      } else if (s.kind === 'hold') {
        parts.push(fill(w.hold, { d }));
      } else if (s.kind === 'transfer') {
        const to = target(s.detail, w, lang);
        parts.push(to ? fill(w.transferTo, { to }) : w.transfer);
      } else if (s.kind === 'conference') {
        parts.push(w.conference);
      } else if (s.kind === 'abandon-message') {
        parts.push(w.abandonMessage);
      }
      // wrap-up is the agent's work after the call, not part of what the caller went through
    });
    if (record.abandonedWhere === 'before-answer') { parts.push(w.beforeAnswer); }
    return parts.join(w.join);
  }

  function queueStory(s, d, w, lang, leftRinging) {
    const queue = name(s.queue, lang);
    if (s.outcome === 'abandoned' && !leftRinging) { return fill(w.queueAbandoned, { d, queue }); }
    if (s.outcome === 'callback') { return fill(w.queueCallback, { d, queue }); }
    if (s.outcome === 'overflow') {
      // detail: "queue:sales wait-limit", "voicemail:100 queue-full", "callback queue-closed"
      const [where, reason] = (s.detail || '').split(' ');
      const why = reason && w[reason] ? ' (' + w[reason] + ')' : '';
      if (where === 'callback') { return fill(w.queueOverflowCallback, { d, queue }) + why; }
      return fill(w.queueOverflow, { d, queue, to: target(where, w, lang) || '?' }) + why;
    }
    return fill(w.queue, { d, queue });
  }

  function target(where, w, lang) {
    if (!where) { return ''; }
    const colon = where.indexOf(':');
    const type = colon < 0 ? where : where.substring(0, colon);
    const value = colon < 0 ? '' : where.substring(colon + 1);
    if (type === 'queue') { return fill(w.toQueue, { queue: name(value, lang) }); }
    if (type === 'voicemail') { return w.toVoicemail; }
    return name(value || where, lang);
  }

  function aboutAgent(w, key, agentId, me, lang) {
    return me && agentId === me ? w[key + 'You'] : fill(w[key], { agent: name(agentId, lang) });
  }

  // The IVR nodes of one stay, after the node every call enters by, with a node repeated (a menu said again)
  // told once: the way the caller went ("balance, then agent").
  function route(path, ivr, segments) {
    const stays = segments.filter(s => s.kind === 'ivr');
    const first = stays[0] === ivr;
    const from = Date.parse(ivr.startedAt.iso);
    const to = ivr.endedAt ? Date.parse(ivr.endedAt.iso) : Infinity;
    const nodes = path.filter(p => {
      const at = Date.parse(p.at.iso);
      return (first || at >= from) && at <= to;   // steps kept from before the stay opened are the first stay's
    }).map(p => p.node).filter((n, i, all) => i === 0 || n !== all[i - 1]);
    return nodes.slice(1);
  }

  function during(inner, outer) {
    const start = Date.parse(inner.startedAt.iso);
    return start > Date.parse(outer.startedAt.iso) && (!outer.endedAt || start < Date.parse(outer.endedAt.iso));
  }

  function duration(s, asOf, lang) {
    const total = s.seconds !== null && s.seconds !== undefined ? s.seconds
      : Math.max(0, Math.round((asOf - Date.parse(s.startedAt.iso)) / 1000));
    let text;
    if (total < 60) {
      text = fill(WORDS[lang].seconds, { n: total });
    } else {
      const h = Math.floor(total / 3600), m = Math.floor(total % 3600 / 60), r = total % 60;
      text = (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
    }
    return lang === 'fa' ? faDigits(text) : text;
  }

  // Names (agents, queues, IVR nodes) are ids in Latin letters: in a Persian line they are isolated so the
  // right-to-left text around them keeps its order.
  function name(id, lang) { return lang === 'fa' ? '\u2068' + id + '\u2069' : id; }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? values[k] : m));
  }

  return { line };
}());
