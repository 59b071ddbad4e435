export const nftAddress = '0x41427790c94E7a592B17ad694eD9c06A02bb9C39'
const contractAddress: string = '0xb0e01E74e9D17D1d2C1AE60148cB9b7BBd8c2244'
export const walletKey = { address: '0x9a61F30347258A3D03aa1cDF2243D8d89a0BC63f' }
