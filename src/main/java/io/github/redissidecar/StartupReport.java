package io.github.redissidecar;

import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.http.HttpCredentials;
import io.github.redissidecar.memory.ContainerLimitSetting;
import io.github.redissidecar.redis.RedisLink;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * What the sidecar starts with, logged once every configuration check has passed: the beans that check it only
 * describe themselves, so that a refused start prints the one line that says why and nothing before it.
 */
@ApplicationScoped
public class StartupReport {

    /**
     * Before quarkus-scheduler starts its ticks (it observes StartupEvent at priority 0): a refused start must end
     * before any tick runs, or a tick racing the shutdown prints a stack trace under the one line.
     */
    public static final int PRIORITY = -100;

    /** The observers that construct (and so validate) the beans the sidecar runs with, and register listeners. */
    public static final int CHECKS = PRIORITY - 10;

    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    void report(@Observes @Priority(PRIORITY) StartupEvent event, RedisLink link, ContainerLimitSetting limit,
            ConfiguredSettings settings, HttpCredentials credentials) {
        // Every description first: each one creates its bean, whose checks may still refuse the start.
        String watching = "Watching Redis at " + link.address() + "; " + limit.describe();
        String doing = capitalised(settings.describe()) + "; " + credentials.describe();
        LOG.info(watching);
        LOG.info(doing);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
