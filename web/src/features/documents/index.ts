/** Public API of the documents feature: what the app layer may compose. */
export { DocumentsSection } from './components/documents-section';
export { useDocumentTypes } from './api/get-document-types';
