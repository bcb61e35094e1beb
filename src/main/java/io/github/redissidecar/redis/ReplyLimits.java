package io.github.redissidecar.redis;

import java.util.Optional;

/**
 * Bounds on what a server may send, checked byte by byte as the replies stream in, before the client buffers them:
 * the client keeps a reply's bytes until the reply is whole (a bulk announced as 600 MB, or a line that never ends,
 * is memory it keeps taking), allocates an array of the announced length at the header, and overflows its nesting
 * stack past 32 levels with an exception per read. The limits have wide margins over what the sidecar reads: INFO
 * of a big Redis is 10-20 KB, CONFIG GET and SCAN pages are a few KB. Not thread-safe: one connection's bytes.
 */
public final class ReplyLimits {

    /** The longest bulk string (an INFO reply is one). */
    public static final int MAX_BULK_BYTES = 1 << 20;
    /** The longest line: a simple string, an error, a number, a length. */
    public static final int MAX_LINE_BYTES = 64 << 10;
    /** The most elements in one array (twice the entries of a map). */
    public static final int MAX_ELEMENTS = 65_536;
    /** The deepest nesting of arrays: the sidecar's replies nest two deep. */
    public static final int MAX_DEPTH = 16;
    /** The most bytes of one whole reply. */
    public static final int MAX_REPLY_BYTES = 4 << 20;

    private enum Expect { TYPE, LINE, HEADER, BODY }

    private final long[] remaining = new long[MAX_DEPTH];
    private int depth;
    private Expect expect = Expect.TYPE;
    private byte type;
    private int lineBytes;
    private long number;
    private boolean negative;
    private long bodyLeft;
    private long replyBytes;
    private String violation;

    /** Takes the next byte; false once the stream broke a limit (then {@link #violation()} says which). */
    public boolean accept(byte b) {
        if (violation != null) {
            return false;
        }
        if (++replyBytes > MAX_REPLY_BYTES) {
            return fail("a reply over " + MAX_REPLY_BYTES + " bytes");
        }
        return switch (expect) {
            case TYPE -> type(b);
            case LINE, HEADER -> line(b);
            case BODY -> {
                if (--bodyLeft == 0) {
                    elementDone();
                }
                yield true;
            }
        };
    }

    /** Which limit was broken, in words for a log line; empty while none was. */
    public Optional<String> violation() {
        return Optional.ofNullable(violation);
    }

    private boolean type(byte b) {
        type = b;
        lineBytes = 0;
        number = 0;
        negative = false;
        switch (b) {
            case '+', '-', ':', ',', '(', '_', '#' -> expect = Expect.LINE;
            case '$', '=', '!', '*', '~', '>', '%', '|' -> expect = Expect.HEADER;
            default -> {
                return fail(String.format("a reply that is not RESP (type byte 0x%02x)", b & 0xff));
            }
        }
        return true;
    }

    private boolean line(byte b) {
        if (++lineBytes > MAX_LINE_BYTES) {
            return fail("a line (simple string, error or number) over " + MAX_LINE_BYTES + " bytes");
        }
        if (b == '\n') {
            return expect == Expect.LINE ? elementDone() : header();
        }
        if (expect == Expect.HEADER) {
            if (b == '-' && lineBytes == 1) {
                negative = true;
            } else if (b >= '0' && b <= '9') {
                number = Math.min(number * 10 + (b - '0'), Integer.MAX_VALUE * 4L); // saturates: limits are ints
            }
        }
        return true;
    }

    private boolean header() {
        if (negative || number == 0 && (type != '$' && type != '=' && type != '!')) {
            return elementDone(); // a null, or an empty array
        }
        if (type == '$' || type == '=' || type == '!') {
            if (number > MAX_BULK_BYTES) {
                return fail("a bulk string of " + number + " bytes, over " + MAX_BULK_BYTES);
            }
            bodyLeft = number + 2; // and its CRLF
            expect = Expect.BODY;
            return true;
        }
        long elements = type == '%' || type == '|' ? number * 2 : number;
        if (elements > MAX_ELEMENTS) {
            return fail("an array of " + elements + " elements, over " + MAX_ELEMENTS);
        }
        if (depth == MAX_DEPTH) {
            return fail("arrays nested over " + MAX_DEPTH + " deep");
        }
        remaining[depth++] = elements;
        expect = Expect.TYPE;
        return true;
    }

    // One element is complete: it counts in its array, which may complete in turn; a complete top level is a reply.
    private boolean elementDone() {
        expect = Expect.TYPE;
        while (depth > 0) {
            if (--remaining[depth - 1] > 0) {
                return true;
            }
            depth--;
        }
        replyBytes = 0;
        return true;
    }

    private boolean fail(String what) {
        violation = "the server sent " + what;
        return false;
    }
}
