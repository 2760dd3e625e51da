import type { TestProject } from 'vitest/node';
import { startDevServer } from '../helpers/wrangler-dev';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** One `wrangler dev` on the built site for the browser tests that only read pages. */
export default async function setup(project: TestProject) {
  const server = await startDevServer();
  project.provide('baseURL', server.baseURL);
  return () => server.stop();
}
