function show() {
  // ruleid: js.xss-document-write
  document.write('<p>' + document.referrer + '</p>');
  // ok: js.xss-document-write
  document.write('<p>ready</p>');
}
