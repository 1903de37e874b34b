/** A JSON value: what inputs, outputs and payloads are made of. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
