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

    /** What was wrong with a file, for callers that word it their own way. */
    public enum Problem { UNREADABLE, DIRECTORY, NOT_REGULAR, TOO_LARGE, GREW }

    /** Why a file was not read: one line, without the file's content. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final long size;
        private final String cause;

        Refused(String message, Problem problem, long size, String cause) {
            super(message);
            this.problem = problem;
            this.size = size;
            this.cause = cause;
        }

        public Problem problem() {
            return problem;
        }

        /** The file's size when it was too large; 0 otherwise. */
        public long size() {
            return size;
        }

        /** The simple name of the exception that made it unreadable; empty otherwise. */
        public String causeName() {
            return cause;
        }
    }

    private BoundedFile() {
    }

    /** The file's text (UTF-8, malformed bytes replaced), or {@link Refused} saying why not. */
    public static String read(Path file, int maxBytes) throws Refused {
        return new String(readBytes(file, maxBytes), StandardCharsets.UTF_8);
    }

    /** The file's bytes, or {@link Refused} saying why not. */
    public static byte[] readBytes(Path file, int maxBytes) throws Refused {
        check(file, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new Refused(file + " is larger than " + limit(maxBytes), Problem.GREW, bytes.length, "");
            }
            return bytes;
        } catch (Refused e) {
            throw e;
        } catch (IOException | SecurityException e) {
            throw unreadable(file, e);
        }
    }

    /** Refuses what is not a regular file of at most {@code maxBytes}, from its attributes, without opening it. */
    public static void check(Path file, int maxBytes) throws Refused {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            throw unreadable(file, e);
        }
        if (attributes.isDirectory()) {
            throw new Refused(file + " is not a regular file (a directory)", Problem.DIRECTORY, 0, "");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused(file + " is not a regular file (a FIFO, socket or device)", Problem.NOT_REGULAR, 0, "");
        }
        if (attributes.size() > maxBytes) {
            throw new Refused(file + " is larger than " + limit(maxBytes), Problem.TOO_LARGE, attributes.size(), "");
        }
    }

    private static Refused unreadable(Path file, Exception e) {
        String name = e.getClass().getSimpleName();
        return new Refused(file + " cannot be read (" + name + ")", Problem.UNREADABLE, 0, name);
    }

    private static String limit(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
