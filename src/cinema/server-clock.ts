/**
 * How far the server's clock is ahead of this device's, from one round trip: the server read its clock
 * somewhere between sending and receiving, so assume the middle. Countdowns add this offset to Date.now().
 */
export function clockOffset(sentAt: number, receivedAt: number, serverNow: number): number {
  return serverNow - (sentAt + receivedAt) / 2;
}
