/** Public API of the EUDR feature: what the app layer may compose. */
export { EudrCard } from './components/eudr-card';
export type { LineOption } from './model/types';
