package io.github.redissidecar.redis;

import java.util.List;

/** One SCAN reply: the cursor to go on from ({@code "0"} when the database is done) and the key names. */
public record ScanPage(String cursor, List<byte[]> keys) {

    public boolean last() {
        return "0".equals(cursor);
    }
}
