// The fake Discord lives in core/testing/fake-discord so plugin authors get it from `etbot/testing`.
export * from '../../core/testing/fake-discord';
