/** Public API of the tracking feature: what the app layer may compose. */
export { TrackingSection } from './components/tracking-section';
