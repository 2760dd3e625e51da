import { beforeEach } from 'vitest';
import { emptySearch } from './helpers/search';
import { seedTestStaff } from './helpers/staff';

// Every test starts with the staff accounts staffHeaders() names, and an empty search made from its
// migrations (D1 keeps its tables from test to test otherwise).
beforeEach(async () => {
  await emptySearch();
  await seedTestStaff();
});
