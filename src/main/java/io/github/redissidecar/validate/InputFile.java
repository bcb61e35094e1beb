package io.github.redissidecar.validate;

import io.github.redissidecar.files.BoundedFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
        byte[] bytes;
        try {
            bytes = BoundedFile.readBytes(file, Limits.FILE_BYTES);
        } catch (BoundedFile.Refused refused) {
            throw unusable(file, refused);
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
        try {
            BoundedFile.check(file, Limits.FILE_BYTES);
        } catch (BoundedFile.Refused refused) {
            throw unusable(file, refused);
        }
    }

    // validate's own words for what BoundedFile found: a person at a terminal gave the path.
    private static UnusableInput unusable(Path file, BoundedFile.Refused refused) {
        return switch (refused.problem()) {
            case UNREADABLE -> new UnusableInput(file + " cannot be read (" + refused.causeName() + ")");
            case DIRECTORY, NOT_REGULAR -> new UnusableInput(file + " is " + (refused.problem()
                    == BoundedFile.Problem.DIRECTORY ? "a directory" : "a FIFO, socket or device") + ", not a regular "
                    + "file; give the file itself (save piped output to a file first)");
            case TOO_LARGE -> tooLarge(file, "is " + refused.size() + " bytes, over the");
            case GREW -> tooLarge(file, "grew past the");
        };
    }

    private static UnusableInput tooLarge(Path file, String what) {
        return new UnusableInput(file + " " + what + " " + Limits.FILE_BYTES_TEXT + " validate reads of an input "
                + "file; deploy files are a few KB: check the path");
    }
}
