export const environment = {
  production: false,
  hostServer: '.',
  tokenSaleContractAddress: '0x0f2E7EF84A5F3066d1c7cB08B6C0B1D5f2Ab4e7a',
  apiKey: 'http://localhost:3000'
}
