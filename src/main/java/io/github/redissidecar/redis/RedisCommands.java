package io.github.redissidecar.redis;

import java.util.List;
import java.util.Map;

/**
 * Everything the sidecar asks of Redis, in strings and maps: the one narrow port between the core and the
 * connection. Each call waits for its reply on the caller's thread (the Redis thread) and fails with a
 * {@link RedisFailure} that says why. Nothing here writes a key: the commands are read-only but for CONFIG SET and
 * CONFIG REWRITE. Tests put an in-memory fake behind it; the sidecar, one Vert.x connection.
 */
public interface RedisCommands {

    /**
     * The most keys one sampling batch may name: a batch of facts is three commands a key plus two SELECTs, and
     * must leave room under the client's 64 waiting replies for the other commands.
     */
    int MAX_KEYS_PER_BATCH = 16;

    /** The reply of INFO for {@code sections}, in one round trip where the server allows it. */
    String info(List<String> sections) throws RedisFailure;

    /** The reply of CLUSTER INFO: asked of a node with {@code cluster_enabled:1} only. */
    String clusterInfo() throws RedisFailure;

    /** The values of {@code parameters}; a parameter the server does not know is absent from the map. */
    Map<String, String> configGet(List<String> parameters) throws RedisFailure;

    void configSet(String parameter, String value) throws RedisFailure;

    void configRewrite() throws RedisFailure;

    /** Up to {@code count} (at most {@link #MAX_KEYS_PER_BATCH}) random key names of database {@code db}. */
    List<byte[]> randomKeys(int db, int count) throws RedisFailure;

    /** SCAN {@code cursor} COUNT {@code count} in database {@code db}: for the exact scan an operator asks for. */
    ScanPage scan(int db, String cursor, int count) throws RedisFailure;

    /** MEMORY USAGE (with {@code samples} elements of aggregates) and PTTL of each key, in order. */
    List<KeyFacts> keyFacts(int db, List<byte[]> keys, int samples) throws RedisFailure;

    /** The connection as it is now; a new one has a new {@link ConnectionState#number()}. */
    ConnectionState connection();

    /** The address, without credentials. */
    RedisAddress address();
}
