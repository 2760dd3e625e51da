import type { Story } from './story';

export interface PublishOptions {
  /** Show drafts and not-yet-scheduled stories (the editors' dev server does). */
  preview?: boolean;
}

/**
 * Whether a story belongs on the site at `now`: not a draft, and its scheduled time has come.
 * Publishing happens at build time, so `now` is the build's clock.
 */
export function isPublished(story: Story, now: Date, { preview = false }: PublishOptions = {}): boolean {
  if (preview) return true;
  if (story.data.draft) return false;
  return !story.data.publishAt || story.data.publishAt.getTime() <= now.getTime();
}
