/**
 * The seat map to show after a poll. Polls are answered from KV through a cache in each Worker, so one
 * can bring an older map than the page shows (a seat taken a second ago would look free again): the
 * object numbers each map it writes, and the highest `version` wins.
 */
export function newestSeatMap<M extends { version: number }>(shown: M | undefined, polled: M): M {
  return shown && shown.version > polled.version ? shown : polled;
}
