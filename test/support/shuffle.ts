// One copy for every test: etbot/testing.
export { shuffled } from '../../core/testing/shuffle';
