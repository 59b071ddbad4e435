const https = require('https');
// ruleid: js.tls-reject-unauthorized
const insecure = new https.Agent({ rejectUnauthorized: false });
// ok: js.tls-reject-unauthorized
const secure = new https.Agent({ rejectUnauthorized: true });
