// Shared by the dashboard's pages: reading the JSON API and building DOM from data.
// Data goes into the page as text only (never as HTML): paths, titles and reasons come from
// scanned repositories.
'use strict';

const Bulwark = (() => {
  const API = '../api/dashboard/';

  /** GETs an API path; rejects with the API's error message. */
  async function api(path, params) {
    const query = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => { if (v) query.set(k, v); });
    const response = await fetch(API + path + (query.toString() ? '?' + query : ''),
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return body;
  }

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') node.className = v; else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c ?? ''))));
    return node;
  }

  /** Replaces a table's body with one row per item. */
  function rows(table, items, toRow) {
    const body = document.querySelector(table + ' tbody');
    body.replaceChildren(...items.map(toRow));
  }

  function verdict(v) {
    return el('span', { class: 'verdict verdict-' + String(v).toLowerCase() }, v);
  }

  /** "2026-06-01 10:00" from an ISO instant, in UTC. */
  function when(iso) {
    return iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, '') : '';
  }

  function fail(error) {
    const box = document.getElementById('error');
    box.textContent = error.message || String(error);
    box.hidden = false;
  }

  async function showViewer() {
    const me = await api('me');
    document.getElementById('viewer').textContent = 'viewing as ' + me.name;
  }

  /** Runs a page's loader; marks the body ready (or failed) for people and tests alike. */
  function start(load) {
    document.addEventListener('DOMContentLoaded', () => {
      Promise.all([showViewer(), load()])
        .catch(fail)
        .finally(() => { document.body.dataset.ready = 'true'; });
    });
  }

  return { api, el, rows, verdict, when, fail, start };
})();
