import path from 'node:path';

/**
 * Where editors' sources live, relative to the project root (every npm script runs from there).
 * HUIGONG_CONTENT_DIR lets tests and benchmarks build the same site from another folder.
 */
export const contentDir = path.resolve(process.env.HUIGONG_CONTENT_DIR ?? 'content');
