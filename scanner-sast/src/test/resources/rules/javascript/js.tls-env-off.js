// ruleid: js.tls-env-off
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// ok: js.tls-env-off
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
