/**
 * One property decorator made of several, applied as if stacked on the property in this order: the last first,
 * as TypeScript applies them. Lets a context name a recurring validation and documentation stack once.
 */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.reduceRight<void>((_, decorate) => decorate(target, key), undefined);
}
