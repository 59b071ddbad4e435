const crypto = require('crypto');
// ruleid: js.weak-hash
const a = crypto.createHash('md5').update(data).digest('hex');
// ok: js.weak-hash
const b = crypto.createHash('sha256').update(data).digest('hex');
