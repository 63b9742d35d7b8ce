/** Public API of the analytics feature. */
export { AnalyticsPage } from './components/analytics-page';
export { HeadlineFigures } from './components/headline-figures';
