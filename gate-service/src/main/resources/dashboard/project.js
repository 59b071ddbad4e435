'use strict';

(() => {
  const { api, el, rows, verdict, when, fail } = Bulwark;
  const project = new URLSearchParams(location.search).get('project') || '';
  const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
  const SEVERITY_COLOURS = { CRITICAL: '#7f1d1d', HIGH: '#dc2626', MEDIUM: '#f59e0b', LOW: '#3b82f6', INFO: '#9ca3af' };
  const VERDICT_COLOURS = { PASS: '#16a34a', FAIL: '#dc2626', ERROR: '#7c3aed' };

  function latest(d) {
    document.getElementById('verdict').replaceChildren(verdict(d.verdict));
    document.getElementById('risk').textContent = 'risk ' + d.risk;
    document.getElementById('decision-meta').textContent = 'scan ' + d.scanId + ' of ' + d.branch
      + (d.commit ? ' @ ' + d.commit.substring(0, 12) : '') + ', ' + when(d.decidedAt)
      + (d.requestedBy ? ', requested by ' + d.requestedBy : '')
      + (d.overridden ? ' — overridden by ' + d.overrideIdentity + ': ' + d.overrideJustification : '');
    document.getElementById('reasons').replaceChildren(...d.reasons.map((r) =>
      el('li', { class: 'reason reason-' + r.split(/[ :]/)[0].toLowerCase() }, r)));
  }

  function charts(trend) {
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    window.bulwarkCharts = {
      findings: new Chart(document.getElementById('chart-findings'), {
        type: 'bar',
        data: {
          labels: trend.findings.map((p) => when(p.at)),
          datasets: SEVERITIES.map((s) => ({
            label: s, backgroundColor: SEVERITY_COLOURS[s], data: trend.findings.map((p) => p.bySeverity[s] || 0),
          })),
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
      }),
      decisions: new Chart(document.getElementById('chart-decisions'), {
        type: 'line',
        data: {
          labels: trend.decisions.map((d) => when(d.at)),
          datasets: [{
            label: 'risk', data: trend.decisions.map((d) => d.risk), borderColor: '#6b7280', pointRadius: 5,
            pointBackgroundColor: trend.decisions.map((d) => VERDICT_COLOURS[d.verdict] || '#000'),
          }],
        },
        options: {
          scales: { y: { min: 0, max: 100 } },
          plugins: { tooltip: { callbacks: { afterLabel: (c) => trend.decisions[c.dataIndex].verdict
            + (trend.decisions[c.dataIndex].overridden ? ' (override)' : '') } } },
        },
      }),
    };
  }

  let asked = 0;

  /** Lists the findings the filters select; an answer overtaken by a newer question is dropped. */
  async function findings() {
    const mine = ++asked;
    const form = document.getElementById('filters');
    const list = await api('findings', { project, ...Object.fromEntries(new FormData(form)) });
    if (mine !== asked) return list;
    rows('#findings', list, (f) => el('tr', { class: 'status-' + f.status.toLowerCase() },
      el('td', { class: 'num' }, f.risk),
      el('td', {}, el('span', { class: 'sev sev-' + f.severity.toLowerCase() }, f.severity)),
      el('td', { title: f.suppression || null }, f.status),
      el('td', {}, f.scanner),
      el('td', { class: 'mono' }, f.ruleId),
      el('td', { class: 'mono' }, f.path + (f.line > 0 ? ':' + f.line : '') + (f.pkg ? ' ' + f.pkg : '')),
      el('td', {}, f.title)));
    document.getElementById('findings-count').textContent = list.length + (list.length === 1 ? ' finding' : ' findings');
    return list;
  }

  function policy(p) {
    rows('#layers', p.layers, (l) => el('tr', {}, el('td', {}, l.layer), el('td', {}, l.source),
      el('td', { class: 'mono' }, l.version)));
    const text = document.getElementById('central-policy');
    text.textContent = p.centralPolicy;
    text.hidden = !p.centralPolicy;
    document.getElementById('central-meta').textContent = p.centralPolicy
      ? 'Central policy ' + p.centralVersion + ' (repository may: ' + p.repoAllow + '), set by ' + p.centralSetBy
        + ' on ' + when(p.centralSetAt)
      : 'No central policy: the repository\'s own policy (or the built-in default) decides.';
  }

  function suppressions(list) {
    rows('#suppressions', list, (s) => el('tr', {
      class: s.expired ? 'expired' : s.expiringSoon ? 'expiring' : null, 'data-origin': s.origin },
    el('td', {}, s.origin, s.id ? el('span', { class: 'mono small' }, ' ' + s.id.substring(0, 8)) : ''),
    el('td', { class: 'mono' }, s.matches),
    el('td', {}, s.reason, s.createdBy ? el('span', { class: 'hint' }, ' — ' + s.createdBy) : ''),
    el('td', {}, s.expires),
    el('td', { class: 'num' }, s.expires ? (s.expired ? 'expired' : s.daysLeft) : ''),
    el('td', { class: 'num' }, s.matched)));
  }

  function overrides(list) {
    rows('#overrides', list, (o) => el('tr', {}, el('td', {}, when(o.at)), el('td', { class: 'mono' }, o.scanId),
      el('td', {}, o.branch), el('td', {}, o.identity), el('td', {}, o.justification)));
  }

  Bulwark.start(async () => {
    document.getElementById('project-name').textContent = project;
    document.title = 'Bulwark · ' + project;
    const q = { project };
    const [decision, trend, all, pol, sup, over] = await Promise.all([api('decision', q), api('trend', q),
      api('findings', q), api('policy', q), api('suppressions', q), api('overrides', q)]);
    latest(decision);
    charts(trend);
    const scanners = [...new Set(all.map((f) => f.scanner))].sort();
    document.getElementById('filter-scanner').append(...scanners.map((s) => el('option', { value: s }, s)));
    await findings();
    policy(pol);
    suppressions(sup);
    overrides(over);
    const form = document.getElementById('filters');
    const reload = () => {
      const mine = asked + 1;
      document.body.dataset.findings = 'loading';
      findings().catch(fail).finally(() => { if (mine === asked) document.body.dataset.findings = 'ready'; });
    };
    form.addEventListener('submit', (e) => e.preventDefault());
    form.querySelectorAll('select').forEach((s) => s.addEventListener('change', reload));
    document.getElementById('filter-path').addEventListener('input', reload);
  });
})();
