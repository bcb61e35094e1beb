package io.github.redissidecar.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that would block, never end, or fill the heap are refused in one line that never shows their content. */
class BoundedFileTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileUnderTheCapIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.conf"), "maxmemory 512mb\n");
        assertEquals("maxmemory 512mb\n", BoundedFile.read(file, 1024));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        BoundedFile.Refused refused = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(fifo, 1024)));
        assertTrue(refused.getMessage().contains("not a regular file (a FIFO, socket or device)"), refused.getMessage());
    }

    @Test
    void devZeroAndADirectoryAreRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(BoundedFile.Refused.class,
                () -> BoundedFile.read(Path.of("/dev/zero"), 1024)));
        BoundedFile.Refused refused = assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(dir, 1024));
        assertTrue(refused.getMessage().endsWith("is not a regular file (a directory)"), refused.getMessage());
    }

    @Test
    void aLargerFileIsRefusedAndItsContentNeverShown() throws Exception {
        Path file = Files.writeString(dir.resolve("big"), "hunter2-".repeat(200));
        BoundedFile.Refused refused = assertThrows(BoundedFile.Refused.class, () -> BoundedFile.read(file, 1024));
        assertEquals(file + " is larger than 1 KiB", refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"));
    }

    @Test
    void aMissingFileNamesTheFileAndTheError() {
        BoundedFile.Refused refused = assertThrows(BoundedFile.Refused.class,
                () -> BoundedFile.read(dir.resolve("absent"), 1024));
        assertEquals(dir.resolve("absent") + " cannot be read (NoSuchFileException)", refused.getMessage());
    }
}
