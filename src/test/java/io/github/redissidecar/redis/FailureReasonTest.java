package io.github.redissidecar.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void classifiesByServerPrefixAndExceptionType() {
        assertEquals(FailureReason.AUTH, FailureReason.of(new Exception("WRONGPASS invalid username-password pair")));
        assertEquals(FailureReason.AUTH, FailureReason.of(new Exception("NOAUTH Authentication required.")));
        assertEquals(FailureReason.PERMISSION, FailureReason.of(new Exception(
                "ERR [0] NOPERM this user has no permissions to run the 'randomkey' command")));
        assertEquals(FailureReason.AUTH, FailureReason.of(new Exception(
                "ERR AUTH <password> called without any password configured for the default user.")));
        assertEquals(FailureReason.PERMISSION, FailureReason.of(new Exception("NOPERM this user has no permissions")));
        assertEquals(FailureReason.TIMEOUT, FailureReason.of(new TimeoutException()));
        assertEquals(FailureReason.CONNECT, FailureReason.of(new RuntimeException(new ConnectException("refused"))));
        assertEquals(FailureReason.TLS, FailureReason.of(new javax.net.ssl.SSLHandshakeException("bad cert")));
        assertEquals(FailureReason.PROTOCOL, FailureReason.of(new Exception("ERR syntax error")));
        assertEquals(FailureReason.LOADING, FailureReason.of(new Exception("LOADING Redis is loading the dataset")));
        assertEquals("connect", FailureReason.CONNECT.label());
    }
}
