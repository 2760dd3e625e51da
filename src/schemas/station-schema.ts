import { z } from 'astro/zod';
import { STATION_STARS, STAR_LABELS } from '../stations/stars';
import { termSchema } from './vocabulary-schema';

/**
 * content/station-districts.yaml: the districts stations may name, each with the slug of its filter page
 * (/programs/nuanfeng-yizhan/stations/district/<slug>/). A controlled list, like the vocabulary, so a
 * typo in a district fails the build instead of opening a stray filter page.
 */
export const stationDistrictsSchema = z
  .object({ districts: z.array(termSchema) })
  .superRefine(({ districts }, ctx) => {
    for (const key of ['name', 'slug'] as const) {
      const seen = new Set<string>();
      districts.forEach((district, index) => {
        if (seen.has(district[key])) ctx.addIssue({ code: 'custom', path: ['districts', index, key], message: `重复的 ${key}“${district[key]}”` });
        seen.add(district[key]);
      });
    }
  });

export type StationDistricts = z.infer<typeof stationDistrictsSchema>;

const coordinate = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what}应为数字（WGS-84 十进制度数）` })
    .min(min, `${what}应在 ${min} 到 ${max} 之间`)
    .max(max, `${what}应在 ${min} 到 ${max} 之间`);

/** One 暖蜂驿站 (content/stations/<id>.yaml). */
export function stationSchema(districts: StationDistricts) {
  const names = districts.districts.map((district) => district.name);
  return z.object({
    name: z.string({ error: '缺少站点名称（name）' }).min(1, '站点名称（name）不能为空'),
    district: z.string({ error: '缺少所在区（district）' }).refine((value) => names.includes(value), {
      error: (issue) =>
        `未知的区“${String(issue.input)}”，可用的有：${names.join('、') || '（无）'}（见 content/station-districts.yaml）`,
    }),
    star: z.literal(STATION_STARS, {
      error: `星级（star）只能是 ${STATION_STARS.map((star) => `${star}（${STAR_LABELS[star]}）`).join('、')}`,
    }),
    services: z.array(z.string().min(1), { error: '缺少服务（services），如 [饮水, 休息]' }).min(1, '至少填写一项服务（services）'),
    /** Opening hours as the station posts them: 24小时, 周一至周五 9:00—18:00. */
    hours: z.string({ error: '缺少开放时间（hours）' }).min(1),
    address: z.string({ error: '缺少地址（address）' }).min(1),
    /** WGS-84, as a phone's geolocation reports it, so distances need no datum shift. */
    lat: coordinate('纬度（lat）', -90, 90),
    lng: coordinate('经度（lng）', -180, 180),
  });
}

export type StationData = z.infer<ReturnType<typeof stationSchema>>;
