package com.vibotaj.tracehub.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkflowAndNamesTests {

    @Test
    void sanitisesClientFileNamesToAHarmlessLastSegment() {
        assertThat(FileNames.sanitise("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.sanitise("C:\\Users\\me\\B-L 42.pdf")).isEqualTo("B-L 42.pdf");
        assertThat(FileNames.sanitise("..\\..\\.htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitise("inv\u0000oice\r\n.pdf")).isEqualTo("invoice.pdf");
        assertThat(FileNames.sanitise("../")).isEqualTo("document");
        assertThat(FileNames.sanitise(null)).isEqualTo("document");
        assertThat(FileNames.sanitise("a".repeat(500) + ".pdf"))
                .hasSize(FileNames.MAX_LENGTH)
                .endsWith(".pdf");
    }

    @Test
    void detectsFromBytesNotNames() throws Exception {
        assertThat(ContentTypes.detect(() -> new ByteArrayInputStream("just text".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("text/plain");
        assertThat(ContentTypes.detect(() -> new ByteArrayInputStream(
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
                        })))
                .isEqualTo(ContentTypes.PNG);
        assertThat(ContentTypes.detect(() -> new ByteArrayInputStream(
                        new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0})))
                .isEqualTo(ContentTypes.JPEG);
        assertThat(ContentTypes.detect(() -> new ByteArrayInputStream(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})))
                .isEqualTo(ContentTypes.TIFF);
    }
}
