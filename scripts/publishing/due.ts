import type { BuildManifest } from './build-manifest.ts';

export interface ScheduledStory {
  /** The story's file, for the log. */
  id: string;
  publishAt: Date;
  draft: boolean;
}

export interface DueDecision {
  due: boolean;
  /** Why a build is due, one line each; empty when nothing is. */
  reasons: string[];
}

/**
 * Whether the scheduled build should deploy: a story's `publishAt` has come since the deployed build was
 * made (the deployed site does not show it yet), or the fresh cinema catalogue differs from the deployed
 * one. With no manifest to compare (never deployed, or unreachable) a build is due, so nothing waits.
 *
 * @example whatIsDue({ deployed, freshCatalogueHash, stories, now: new Date() }).due
 */
export function whatIsDue({
  deployed,
  freshCatalogueHash,
  stories,
  now,
}: {
  deployed: BuildManifest | undefined;
  freshCatalogueHash: string;
  stories: ScheduledStory[];
  now: Date;
}): DueDecision {
  if (!deployed) return { due: true, reasons: ['没有读到已部署站点的 /build.json'] };
  const builtAt = Date.parse(deployed.builtAt);
  const reasons = stories
    .filter((story) => !story.draft && story.publishAt.getTime() > builtAt && story.publishAt.getTime() <= now.getTime())
    .map((story) => `稿件 ${story.id} 定于 ${story.publishAt.toISOString()} 发布`);
  if (deployed.catalogueHash !== freshCatalogueHash) reasons.push('影院排片有变化');
  return { due: reasons.length > 0, reasons };
}
