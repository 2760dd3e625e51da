-- The site's search (functions/search/): one row per searchable page of the built site, written by
-- `npm run search:reindex` from dist/ (src/search/index-statements.ts), read by GET /api/search.

-- Each page as a result shows it.
CREATE TABLE search_documents (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('news', 'honors', 'programs', 'cinema')),
  title TEXT NOT NULL,
  -- YYYY-MM-DD: stories only; the by-date order lists them newest first.
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  summary TEXT,
  -- A hash of the page's search document: the reindex rewrites only the pages whose fingerprint changed.
  fingerprint TEXT NOT NULL
);

CREATE INDEX search_documents_by_date ON search_documents (date DESC, id DESC) WHERE date IS NOT NULL;

-- A page's body in passages of a few thousand characters, cut between sentences (so no statement
-- nears D1's 100 KB limit however long a page is): a result's excerpt is cut from its best passage.
-- id = document id × 1000 + the passage's place in the page, from 1.
CREATE TABLE search_passages (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL
);

-- The pages as the full-text index sees them: rowid document id × 1000 holds the title and headings
-- alone (so BM25 ranks a title by its own length), and each passage's rowid is its id. Chinese in overlapping character pairs
-- (src/search/han-bigrams.ts), so that any two or more characters are found as a phrase of pairs,
-- inside longer words too (影院 in 电影院) and in names no dictionary knows. Contentless: the index
-- keeps no second copy of the text.
CREATE VIRTUAL TABLE search_terms USING fts5 (
  title,
  headings,
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
