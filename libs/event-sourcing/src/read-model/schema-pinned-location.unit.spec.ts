import { schemaPinnedLocation } from './schema-pinned-location';

describe('schemaPinnedLocation', () => {
  it('sets the search_path of a PostgreSQL URL and keeps its other parameters', () => {
    const pinned = schemaPinnedLocation(
      { kind: 'postgres', url: 'postgres://app@db:5432/alliance?sslmode=require', poolSize: 4 },
      'catalogue_read',
    );
    expect(pinned.kind).toBe('postgres');
    const url = new URL((pinned as { url: string }).url);
    expect(url.searchParams.get('options')).toBe('-c search_path=catalogue_read');
    expect(url.searchParams.get('sslmode')).toBe('require');
    expect(pinned).toMatchObject({ poolSize: 4 });
  });

  it('leaves an embedded location as it is and refuses a schema name that would need quoting', () => {
    expect(schemaPinnedLocation({ kind: 'pglite', dataDir: '/data/catalogue/read-model' }, 'catalogue_read')).toEqual({
      kind: 'pglite',
      dataDir: '/data/catalogue/read-model',
    });
    expect(() => schemaPinnedLocation({ kind: 'postgres', url: 'postgres://db/x' }, 'x; drop')).toThrow(TypeError);
  });
});
