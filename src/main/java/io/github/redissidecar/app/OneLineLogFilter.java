package io.github.redissidecar.app;

import io.github.redissidecar.checks.Printable;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log message on one line: control characters from outside text (a settings line, a server's error reply, a
 * file name) are escaped, so that nobody who can write those can forge a log line. Applied to every handler, so that
 * no message of ours or of a library has to remember it; stack traces (%e) are not part of the message.
 */
@LoggingFilter(name = "one-line")
public final class OneLineLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null && Printable.hasControl(message)) {
                ext.setMessage(Printable.of(message, Integer.MAX_VALUE), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }
}
