package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.documents.internal.text.Suggestions;

/** A document version with what only this module sees: where its bytes are and what its text suggested. */
public record StoredDocument(ShipmentDocument document, String storageKey, Suggestions suggestions) {}
