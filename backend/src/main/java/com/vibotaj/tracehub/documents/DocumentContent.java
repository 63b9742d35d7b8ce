package com.vibotaj.tracehub.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * The stored bytes of one document version, already authorised: obtained through {@link
 * ShipmentDocuments#content}, so holding one means the caller could see the document.
 */
public interface DocumentContent {

    /** Whether the storage still holds the bytes (a lost object must be reported, never skipped). */
    boolean exists() throws IOException;

    /** The stored bytes; the caller closes the stream. */
    InputStream open() throws IOException;
}
