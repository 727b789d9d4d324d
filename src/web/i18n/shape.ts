/** A dictionary with the same keys as T and any texts: how every language must mirror Vietnamese. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
