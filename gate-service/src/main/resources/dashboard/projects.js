'use strict';

Bulwark.start(async () => {
  const { api, el, rows, verdict, when } = Bulwark;
  const projects = await api('projects');
  rows('#projects', projects, (p) => el('tr', { 'data-project': p.project },
    el('td', {}, el('a', { href: 'project.html?project=' + encodeURIComponent(p.project) }, p.project)),
    el('td', {}, verdict(p.verdict), p.overridden ? [' ', el('span', { class: 'tag' }, 'overridden')] : ''),
    el('td', { class: 'num' }, p.risk),
    el('td', {}, p.branch),
    el('td', { class: 'mono' }, p.scanId),
    el('td', {}, when(p.decidedAt))));
  document.getElementById('no-projects').hidden = projects.length > 0;
});
