import { parse } from 'yaml';
import { vocabularySchema, type Vocabulary } from '../schemas/vocabulary-schema';
import { honorNamesSchema, type HonorNames } from '../schemas/honor-schema';
import { stationDistrictsSchema, type StationDistricts } from '../schemas/station-schema';

/** The controlled lists the editor offers as choices, read from the same YAML files the build checks. */
export interface EditorVocabulary {
  vocabulary: Vocabulary;
  honorNames: HonorNames;
  districts: StationDistricts;
  /** File names in content/halls/, without .yaml. */
  halls: readonly string[];
}

/** Parses the controlled lists' YAML texts (the editor runs in the browser, so it is given text, not paths). */
export function readEditorVocabulary(texts: { vocabulary: string; honorNames: string; districts: string; halls: readonly string[] }): EditorVocabulary {
  return {
    vocabulary: vocabularySchema.parse(parse(texts.vocabulary)),
    honorNames: honorNamesSchema.parse(parse(texts.honorNames)),
    districts: stationDistrictsSchema.parse(parse(texts.districts)),
    halls: texts.halls,
  };
}

/** Select options whose label and value are both the term's name, as the files store it. */
export const nameOptions = (terms: readonly { name: string }[]) => terms.map(({ name }) => ({ label: name, value: name }));
