package io.github.redissidecar.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file someone outside named (a mounted Secret, a settings file, a deploy file) so that no file can hurt the
 * sidecar: regular files only (a FIFO would block the reader forever, /dev/zero never ends), at most a stated size,
 * read with a bounded buffer (a file that grows while read is cut at the cap and refused). Error messages name the
 * file and what is wrong with it, never its content.
 */
public final class BoundedFile {

    /** Why a file was not read: one line, without the file's content. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private BoundedFile() {
    }

    /** The file's text (UTF-8, malformed bytes replaced), or {@link Refused} saying why not. */
    public static String read(Path file, int maxBytes) throws Refused {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            throw new Refused(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused(file + " is not a regular file (" + (attributes.isDirectory() ? "a directory"
                    : "a FIFO, socket or device") + ")");
        }
        if (attributes.size() > maxBytes) {
            throw new Refused(file + " is larger than " + limit(maxBytes));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new Refused(file + " is larger than " + limit(maxBytes));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (Refused e) {
            throw e;
        } catch (IOException | SecurityException e) {
            throw new Refused(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String limit(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
