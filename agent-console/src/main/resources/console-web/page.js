'use strict';
// What every console page shares: building elements and calling the REST API with the session's CSRF token.
window.Page = (function () {
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  // JSON in and out; a body with a contentType (a CSV file) is sent as it is. Errors carry the server's message.
  async function call(method, path, body, csrf, contentType) {
    const headers = { 'Accept': 'application/json' };
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = contentType || 'application/json';
      payload = contentType ? body : JSON.stringify(body);
    }
    if (method !== 'GET' && csrf) { headers['X-CSRF-Token'] = csrf; }
    const r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    const text = await r.text();
    let data = {};
    try { data = text ? JSON.parse(text) : {}; } catch (e) { data = { error: text }; }
    if (!r.ok) { const e = new Error(data.error || r.status); e.status = r.status; throw e; }
    return data;
  }
  return { el, clear, call };
}());
