package io.github.redissidecar.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyLimitsTest {

    private static Optional<String> feed(String... chunks) {
        ReplyLimits limits = new ReplyLimits();
        for (String chunk : chunks) {
            for (byte b : chunk.getBytes(StandardCharsets.ISO_8859_1)) {
                if (!limits.accept(b)) {
                    return limits.violation();
                }
            }
        }
        return limits.violation();
    }

    @Test
    void realRepliesPass() {
        String info = "$" + 20_000 + "\r\n" + "x".repeat(20_000) + "\r\n";
        assertEquals(Optional.empty(), feed("+OK\r\n", "-ERR no\r\n", ":12\r\n", "$-1\r\n", "*-1\r\n", "*0\r\n",
                info, info, "*2\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n", "*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$0\r\n\r\n",
                "%1\r\n+k\r\n*1\r\n:1\r\n", "_\r\n", "#t\r\n", "=7\r\ntxt:abc\r\n"));
        // Many replies in a row: the per-reply byte count starts again at each.
        String[] many = new String[300];
        java.util.Arrays.fill(many, info);
        assertEquals(Optional.empty(), feed(many));
    }

    @Test
    void aHugeBulkIsRefusedAtItsHeader() {
        assertTrue(feed("$600000000\r\n").orElseThrow().contains("bulk string of 600000000 bytes"));
        assertTrue(feed("$99999999999999999999999\r\n").isPresent());
        assertTrue(feed("*1\r\n$" + (ReplyLimits.MAX_BULK_BYTES + 1) + "\r\n").isPresent());
    }

    @Test
    void aLongErrorOrALineThatNeverEndsIsRefused() {
        assertTrue(feed("-ERR ", "E".repeat(2 << 20)).orElseThrow().contains("line"));
        assertTrue(feed("+", "a".repeat(ReplyLimits.MAX_LINE_BYTES + 1)).isPresent());
    }

    @Test
    void deepNestingAndHugeArraysAreRefused() {
        assertTrue(feed("*1\r\n".repeat(1000)).orElseThrow().contains("nested"));
        assertEquals(Optional.empty(), feed("*1\r\n".repeat(ReplyLimits.MAX_DEPTH) + ":1\r\n"));
        assertTrue(feed("*2000000000\r\n").orElseThrow().contains("array of 2000000000"));
        assertTrue(feed("%40000\r\n").isPresent(), "a map's entries count twice");
    }

    @Test
    void manyBulksThatAddUpAreRefusedAsOneReply() {
        String bulk = "$" + ReplyLimits.MAX_BULK_BYTES + "\r\n" + "x".repeat(ReplyLimits.MAX_BULK_BYTES) + "\r\n";
        assertTrue(feed("*10\r\n", bulk, bulk, bulk, bulk, bulk).orElseThrow().contains("reply over"));
    }

    @Test
    void somethingThatIsNotRespIsRefused() {
        assertTrue(feed("HTTP/1.1 400 Bad Request\r\n").orElseThrow().contains("0x48"));
    }
}
