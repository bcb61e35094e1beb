package io.github.redissidecar.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An input file, read only if it is a regular file of at most {@link Limits#FILE_BYTES}: a FIFO would block the
 * read forever and a device such as /dev/zero never ends, so neither is opened; the read itself stops one byte past
 * the limit, for a file that grows after its size was checked.
 */
final class InputFile {

    private InputFile() {
    }

    /** @throws UnusableInput when the file is missing, not a regular file, too large or not UTF-8 */
    static String read(Path file) {
        check(file);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Limits.FILE_BYTES + 1);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (bytes.length > Limits.FILE_BYTES) {
            throw tooLarge(file, "grew past the");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnusableInput(file + " is not UTF-8 text; give the YAML, JSON or conf file itself (save it "
                    + "as UTF-8)");
        }
    }

    /** Refuses what is not a regular file of at most the size limit, without opening it. */
    static void check(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (!attributes.isRegularFile()) {
            String kind = attributes.isDirectory() ? "a directory" : "a FIFO, socket or device";
            throw new UnusableInput(file + " is " + kind + ", not a regular file; give the file itself (save "
                    + "piped output to a file first)");
        }
        if (attributes.size() > Limits.FILE_BYTES) {
            throw tooLarge(file, "is " + attributes.size() + " bytes, over the");
        }
    }

    private static UnusableInput cannotRead(Path file, IOException e) {
        return new UnusableInput(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }

    private static UnusableInput tooLarge(Path file, String what) {
        return new UnusableInput(file + " " + what + " " + Limits.FILE_BYTES_TEXT + " validate reads of an input "
                + "file; deploy files are a few KB: check the path");
    }
}
