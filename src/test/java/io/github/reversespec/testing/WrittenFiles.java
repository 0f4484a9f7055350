package io.github.reversespec.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading back what a run wrote, text or not: specs are UTF-8, the facts cache is binary (Smile). */
public final class WrittenFiles {

    private WrittenFiles() {}

    /**
     * The file as UTF-8 text, or, when it is not UTF-8 (a cache entry), its bytes one character
     * each (ISO-8859-1), so that a search for an ASCII secret still finds it there.
     */
    public static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
