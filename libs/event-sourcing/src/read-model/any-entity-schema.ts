import type { EntitySchema } from '@mikro-orm/core';

/**
 * Any entity schema, whatever entity it describes: the bound for helpers that take read models of
 * every shape. MikroORM's own bound is `any`-typed, which nothing narrower can replace.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEntitySchema = EntitySchema<any, any>;

/** The entity type an entity schema describes. */
export type EntityOf<E> = E extends EntitySchema<infer T, infer _B> ? T : never;
