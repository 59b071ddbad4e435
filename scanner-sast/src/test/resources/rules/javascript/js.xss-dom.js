function show() {
  const q = location.hash.slice(1);
  // ruleid: js.xss-dom
  document.getElementById('out').innerHTML = q;
  // ok: js.xss-dom
  document.getElementById('out').innerHTML = '<b>static</b>';
  // ok: js.xss-dom
  document.getElementById('out').textContent = q;
}
