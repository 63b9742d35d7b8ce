package com.vibotaj.tracehub.platform.internal.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body has been read ahead (up to a limit) to fingerprint it, and is handed to the
 * controller again unchanged. Multipart and form bodies are never touched: the container parses those
 * from its own stream.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] prefix;
    private final @Nullable InputStream rest;
    private @Nullable ServletInputStream stream;
    private @Nullable BufferedReader reader;

    private BufferedBodyRequest(HttpServletRequest request, byte[] prefix, @Nullable InputStream rest) {
        super(request);
        this.prefix = prefix;
        this.rest = rest;
    }

    /**
     * The request with its body read ahead when it is at most {@code limit} bytes; otherwise the
     * request itself (multipart, form, declared too large) or a wrapper replaying what was read.
     */
    static HttpServletRequest readAhead(HttpServletRequest request, int limit) throws IOException {
        if (!isBufferable(request) || request.getContentLengthLong() > limit) {
            return request;
        }
        InputStream in = request.getInputStream();
        byte[] read = in.readNBytes(limit + 1);
        return new BufferedBodyRequest(request, read, read.length > limit ? in : null);
    }

    static boolean isBufferable(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return !lower.startsWith("multipart/") && !lower.startsWith("application/x-www-form-urlencoded");
    }

    /** The whole body, or null when it was not (completely) read ahead. */
    static byte @Nullable [] bodyOf(HttpServletRequest request) {
        return request instanceof BufferedBodyRequest buffered && buffered.rest == null ? buffered.prefix : null;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called");
        }
        if (stream == null) {
            InputStream source = new ByteArrayInputStream(prefix);
            stream = new ReplayStream(rest == null ? source : new SequenceInputStream(source, rest));
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        if (reader == null) {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called");
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            InputStream source = new ByteArrayInputStream(prefix);
            reader = new BufferedReader(
                    new InputStreamReader(rest == null ? source : new SequenceInputStream(source, rest), charset));
        }
        return reader;
    }

    private static final class ReplayStream extends ServletInputStream {

        private final InputStream source;
        private boolean finished;

        ReplayStream(InputStream source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = source.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = source.read(b, off, len);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("Asynchronous reads of a read-ahead body are not supported");
        }
    }
}
