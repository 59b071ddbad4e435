const session = require('express-session');
// ruleid: js.insecure-session-cookie
app.use(session({ secret: process.env.SECRET, cookie: { secure: false } }));
// ok: js.insecure-session-cookie
app.use(session({ secret: process.env.SECRET, cookie: { secure: true, httpOnly: true } }));
