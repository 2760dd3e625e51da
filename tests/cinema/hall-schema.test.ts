import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hallSchema } from '../../src/cinema/hall-schema';

const rows = [{ row: 1, seats: 4 }];

describe('hallSchema', () => {
  it('takes an optional address and directions for the ticket, and refuses them empty', () => {
    expect(hallSchema.parse({ name: '1号厅', venue: '影院', rows })).not.toHaveProperty('address');
    const hall = hallSchema.parse({ name: '1号厅', venue: '影院', address: '青岛市中心', directions: '志愿者引导停车', rows });
    expect(hall).toMatchObject({ address: '青岛市中心', directions: '志愿者引导停车' });
    expect(hallSchema.safeParse({ name: '1号厅', venue: '影院', address: '', rows }).success).toBe(false);
  });

  it("reads the cinema's own file, whose address and directions come from the seed story (no street address)", () => {
    const hall = hallSchema.parse(parse(readFileSync('content/halls/huigong-yingyuan.yaml', 'utf8')));
    expect(hall.address).toBe('青岛市中心，青岛工人疗养院内');
    expect(hall.directions).toContain('引导车辆停放');
  });
});
