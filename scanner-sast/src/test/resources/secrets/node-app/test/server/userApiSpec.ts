describe('/api/Users', () => {
  it('POST new user with base64 password', () => {
    const adminPassword = 'YWRtaW4xMjM='
    const testPassword = 'dGVzdHBhc3N3b3JkMTIz'
    const userPassword = 'ZGVtb3VzZXI='
    return login({ email: 'demo', password: Buffer.from(testPassword, 'base64').toString() + adminPassword + userPassword })
  })
})
