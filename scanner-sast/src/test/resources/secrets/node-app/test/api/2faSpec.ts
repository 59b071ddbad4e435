import frisby = require('frisby')
import { totp } from 'otplib'

const REST_URL = 'http://localhost:3000/rest'

describe('/rest/2fa/verify', () => {
  it('POST should return a valid authentication when a valid tmp token is passed', async () => {
    const totpSecret = 'IFTXE3SPOEYVURT2MRYGI52TKJ4HC3KH'
    const totpToken = totp.generate(totpSecret)
    return frisby.post(REST_URL + '/2fa/verify', { body: { tmpToken: 'x', totpToken } })
  })

  it('POST should fail for an unknown user', async () => {
    const secret = 'J4WSUZTJPJGWURJUIRQVCYLHKYZWQMZP'
    await frisby.post(REST_URL + '/2fa/setup', { body: { password: 'bW9jLmxpYW1lQGhjaW5pbW1pZA==', setupToken: 'x', initialToken: totp.generate(secret) } })
  })
})
