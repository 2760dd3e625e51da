/**
 * Runs after `npm install` / `npm ci` on the project's own Node 22 (node_modules/.bin comes first on
 * PATH): explains, in one line, the EBADENGINE warnings npm printed if it ran on an older Node.
 */
import { readFileSync } from 'node:fs';
import { engineNote } from './engine-note.ts';

const { engines } = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const note = engineNote({ npmUserAgent: process.env.npm_config_user_agent ?? '', projectNode: process.version, required: engines.node });
if (note) console.log(note);
