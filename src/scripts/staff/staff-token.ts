/**
 * How the console proves it is staff until staff accounts sign in with a cookie: the staff token, kept for
 * the tab only (the door's check-in page keeps it under the same name). The one place to change when
 * sessions replace it.
 */
const TOKEN_KEY = 'huigong-staff-token';

export const staffToken = (): string => sessionStorage.getItem(TOKEN_KEY) ?? '';
export const rememberStaffToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token.trim());
export const forgetStaffToken = (): void => sessionStorage.removeItem(TOKEN_KEY);
export const staffHeaders = (): Record<string, string> => (staffToken() ? { Authorization: `Bearer ${staffToken()}` } : {});
