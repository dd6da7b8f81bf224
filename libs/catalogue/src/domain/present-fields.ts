/** Of these optional members of a document or view, the ones that are set (truthy), in the order given. */
export function presentFields<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) as { [K in keyof T]?: NonNullable<T[K]> };
}
