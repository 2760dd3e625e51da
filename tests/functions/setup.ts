import { beforeEach } from 'vitest';
import { seedTestStaff } from './helpers/staff';

// Storage is fresh for every test: the staff accounts staffHeaders() names must exist in it.
beforeEach(seedTestStaff);
