// The workerd package ships no types; the doctor reads the newest compatibility date it supports.
declare module 'workerd' {
  /** The date of this workerd build: it refuses compatibility dates newer than this. */
  export const compatibilityDate: string;
}
