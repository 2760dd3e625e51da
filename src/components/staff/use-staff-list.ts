import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { staffJson } from './staff-api';

/**
 * A list a console view reads from the staff API (`{ [field]: T[] }` at `path`): loaded when the view
 * opens, and again by `reload` after each change (also after a refused one, so the view shows what the
 * server holds). Undefined until the first answer; a refusal becomes the view's `message`.
 */
export function useStaffList<T>(path: string, field: string, message: Signal<string>): { list: Signal<T[] | undefined>; reload: () => Promise<void> } {
  const list = useSignal<T[] | undefined>(undefined);
  const reload = async () => {
    const answer = await staffJson<Record<string, T[]>>(path);
    if (answer.ok) list.value = answer.body[field];
    else message.value = answer.refusal.message;
  };
  useEffect(() => void reload(), []);
  return { list, reload };
}
