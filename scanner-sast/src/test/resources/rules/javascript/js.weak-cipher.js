const crypto = require('crypto');
// ruleid: js.weak-cipher
const c = crypto.createCipheriv('des-cbc', key, iv);
// ok: js.weak-cipher
const d = crypto.createCipheriv('aes-256-gcm', key, iv);
