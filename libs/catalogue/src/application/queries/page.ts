/** One page of a list; `total` counts every match of the filters. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageRequest {
  limit?: number;
  offset?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageWindow(request: PageRequest): { limit: number; offset: number } {
  return { limit: Math.min(MAX_PAGE_SIZE, Math.max(1, request.limit ?? DEFAULT_PAGE_SIZE)), offset: Math.max(0, request.offset ?? 0) };
}
