export * from './member-standing-table';
export * from './knowledge-database';
