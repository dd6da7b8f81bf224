import { contextException, DomainError, isDomainError, violation } from './domain-error';

const STATUS = { 'shop.sold-out': 409, 'shop.rules-violated': 422, 'shop.not-found': 404 } as const;
class ShopException extends contextException('shop', STATUS) {}
class QuietException extends contextException('quiet', { 'quiet.gone': 410 }, { ruleInDetails: false }) {}

describe('contextException', () => {
  it('takes its status from the table and names the rule in the details', () => {
    const e = new ShopException('shop.sold-out', 'no more', 'quantity', { left: 0 });
    expect(e).toBeInstanceOf(DomainError);
    expect(isDomainError(e)).toBe(true);
    expect(e.name).toBe('ShopException');
    expect([e.code, e.status, e.field, e.message]).toEqual(['shop.sold-out', 409, 'quantity', 'no more']);
    expect(e.details).toEqual({ rule: 'sold-out', left: 0 });
  });

  it('leaves the rule out when the context says so', () => {
    const e = new QuietException('quiet.gone', 'gone');
    expect([e.status, e.details]).toEqual([410, undefined]);
  });

  it('keeps field errors without their own rule under the rule of the code', () => {
    const e = new ShopException('shop.not-found', 'x: missing', 'x', { errors: [{ field: 'x', message: 'missing' }] });
    expect(e.details).toEqual({ rule: 'not-found', errors: [{ field: 'x', message: 'missing' }] });
  });

  it('names one broken rule by its own code (422) and several as rules-violated, listing each with its field', () => {
    const one = ShopException.invalid([violation('items[0].sku', 'sku-unknown', 'not in the catalogue')]);
    expect(one).toBeInstanceOf(ShopException);
    expect([one.code, one.status, one.field]).toEqual(['shop.sku-unknown', 422, 'items[0].sku']);
    expect(one.details).toEqual({ errors: [{ field: 'items[0].sku', rule: 'sku-unknown', message: 'not in the catalogue' }] });
    expect(one.violations).toHaveLength(1);

    const two = ShopException.invalid([violation('a', 'r1', 'm1'), violation('b', 'r2', 'm2')]);
    expect([two.code, two.status, two.field, two.message]).toEqual(['shop.rules-violated', 422, 'a', 'a: m1; b: m2']);
    expect(two.violations.map((v) => v.rule)).toEqual(['r1', 'r2']);
  });

  it('answers a bare rules-violated when the list is empty', () => {
    const none = ShopException.invalid([]);
    expect([none.code, none.details, none.violations]).toEqual(['shop.rules-violated', { rule: 'rules-violated' }, []]);
  });

  it('refuses, when compiled, a table code without the context prefix and a code the table lacks', () => {
    // @ts-expect-error: 'cart.empty' belongs to another context
    const Mixed = contextException('shop', { 'shop.open': 200, 'cart.empty': 422 });
    expect(new Mixed('shop.open', 'open').status).toBe(200);
    // @ts-expect-error: 'shop.closed' is not in ShopException's table; at run time it answers 422
    expect(new ShopException('shop.closed', 'closed').status).toBe(422);
  });
});
