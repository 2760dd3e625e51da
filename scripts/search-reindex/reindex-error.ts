/** A refusal `npm run search:reindex` prints as is, without a stack: its message says what failed and how. */
export class ReindexError extends Error {}
