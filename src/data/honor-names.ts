import path from 'node:path';
import { honorNamesSchema, type HonorNames } from '../schemas/honor-schema';
import { contentDir } from './content-dir';
import { readYamlList } from './yaml-file';

let cached: HonorNames | undefined;

/** content/honor-names.yaml, read and validated once per build. */
export function loadHonorNames(): HonorNames {
  cached ??= readYamlList(path.join(contentDir, 'honor-names.yaml'), honorNamesSchema, { honors: [] }, '荣誉名称表');
  return cached;
}
