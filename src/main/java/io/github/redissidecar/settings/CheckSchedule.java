package io.github.redissidecar.settings;

import java.util.Map;
import java.util.Optional;

/**
 * When a settings check (CONFIG GET, diff, CONFIG SET) is due after a poll: at the sidecar's first poll, on every new
 * connection and every new server life, when the poll's INFO shows a desired value changed away from the desired
 * one (a hand-typed CONFIG SET is seen at the next poll) or a value that the sidecar would now set (a held-back
 * maxmemory that became safe), when the drift interval passed without a look at what INFO does not report, at the
 * poll after the desired settings changed, and shortly after a check that Redis's loading put off. Remembers a
 * CONFIG SET refused on a connection, so that it is not retried on that connection.
 */
public final class CheckSchedule {

    private boolean checkedOnce;
    private long checkedConnection = -1;
    private long setDeniedConnection = -1;
    private Trigger retry;
    private Map<String, String> lastInfo = Map.of();

    /**
     * @param connection the number of the connection the poll came over
     * @param restart whether the poll showed a new server life
     * @param info the desired parameters that INFO reports, with the values it reported
     * @param desired the same parameters with their desired values
     * @param settable whether INFO shows a parameter the sidecar would set now (e.g. a held-back maxmemory that
     *     has become safe), so that it is set at this poll rather than at the drift interval
     * @param readDue whether the drift interval passed since the parameters INFO does not report were last read
     */
    public synchronized Optional<Trigger> afterPoll(long connection, boolean restart, Map<String, String> info,
            Map<String, String> desired, boolean settable, boolean readDue) {
        boolean newDrift = !info.equals(lastInfo) && !info.equals(desired) || settable;
        lastInfo = info;
        if (!checkedOnce) {
            return Optional.of(Trigger.STARTUP);
        }
        if (restart) {
            return Optional.of(Trigger.RESTART);
        }
        if (retry != null) {
            return Optional.of(retry);
        }
        return connection != checkedConnection || newDrift || readDue ? Optional.of(Trigger.DRIFT)
                : Optional.empty();
    }

    /**
     * The desired settings changed: the next poll checks (the first check, if none has run yet, reads them anyway).
     * At a poll rather than at once, so that a lower maxmemory is judged on the used_memory Redis has now.
     */
    public synchronized void settingsChanged() {
        if (checkedOnce && retry == null) {
            retry = Trigger.SETTINGS;
        }
    }

    /** A check starts on {@code connection}; any pending retry is part of it. */
    public synchronized void checking(long connection) {
        checkedOnce = true;
        checkedConnection = connection;
        retry = null;
    }

    /** Redis was loading: check again soon. True when the caller must schedule that (none pending yet). */
    public synchronized boolean retryLater(Trigger trigger) {
        if (retry != null) {
            return false;
        }
        retry = trigger;
        return true;
    }

    public synchronized void setDenied(long connection) {
        setDeniedConnection = connection;
    }

    public synchronized boolean setAllowed(long connection) {
        return setDeniedConnection != connection;
    }
}
