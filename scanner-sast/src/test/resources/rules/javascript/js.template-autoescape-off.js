const nunjucks = require('nunjucks');
// ruleid: js.template-autoescape-off
nunjucks.configure('views', { autoescape: false });
// ok: js.template-autoescape-off
nunjucks.configure('views', { autoescape: true });
