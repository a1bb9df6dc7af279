// The database helpers live in etbot/testing so plugin tests use them too.
export * from '../../core/testing/databases';
