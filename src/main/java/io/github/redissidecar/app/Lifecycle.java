package io.github.redissidecar.app;

import io.github.redissidecar.config.ConfigChecks;
import io.github.redissidecar.config.KeysConfig;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.connection.RedisLink;
import io.github.redissidecar.connection.VertxRedisCommands;
import io.github.redissidecar.container.ContainerLimitSetting;
import io.github.redissidecar.enforce.ConfiguredSettings;
import io.github.redissidecar.enforce.Enforcer;
import io.github.redissidecar.enforce.SettingsWatcher;
import io.github.redissidecar.host.HostChecks;
import io.github.redissidecar.http.HttpCredentials;
import io.github.redissidecar.keys.ExactScanRunner;
import io.github.redissidecar.keys.KeySampler;
import io.github.redissidecar.keys.SamplerSettings;
import io.github.redissidecar.meters.SidecarMeters;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.RedisWorker;
import io.github.redissidecar.poll.SnapshotHolder;
import io.github.redissidecar.settings.SafetyPolicy;
import io.github.redissidecar.settings.SettingsReload;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The sidecar's life, in the order a reader can follow: the constructor checks the configuration and builds the
 * pure-Java core from it (a refused value stops here, with one line and nothing started); {@link #start} starts it,
 * {@link #stop} stops it, and the two periodic jobs are here too. The core objects are handed to the HTTP resources
 * and health checks by the producers at the end.
 */
@Singleton
public class Lifecycle {

    /**
     * Before quarkus-scheduler starts its ticks (it observes StartupEvent at priority 0): a refused start ends before
     * any tick runs, or a tick racing the shutdown prints a stack trace under the one line.
     */
    private static final int BEFORE_THE_SCHEDULER = -100;

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    private final RedisLink link;
    private final ContainerLimitSetting limit;
    private final HttpCredentials credentials;
    private final RedisWorker worker = new RedisWorker();
    private final SnapshotHolder holder = new SnapshotHolder();
    private final ConfiguredSettings settings;
    private final HostChecks host;
    private final Poller poller;
    private final Enforcer enforcer;
    private final KeySampler sampler;
    private final ExactScanRunner scans;
    private final SettingsWatcher watcher;

    Lifecycle(SidecarConfig config, RedisLink link, VertxRedisCommands redis, ContainerLimitSetting limit,
            HttpCredentials credentials, SidecarMeters meters) {
        ConfigChecks.check(config);
        this.link = link;
        this.limit = limit;
        this.credentials = credentials;
        this.settings = new ConfiguredSettings(SettingsReload.read(config.settingsFile(), config.settings(),
                limit.reader()), config.enforce(), new SafetyPolicy(config.maxmemorySafetyMargin(),
                config.allowMaxmemoryBelowUsed(), config.allowAppendonlyAtRuntime()),
                config.settingsFile().isPresent() || limit.fromFile(), config.settingsWatchInterval());
        SidecarConfig.Host hostFiles = config.host();
        this.host = new HostChecks(hostFiles.overcommitMemoryFile(), hostFiles.transparentHugepageFile(),
                hostFiles.name(), hostFiles.bootIdFile());
        this.poller = new Poller(redis, worker, holder, meters, new Poller.Settings(Poller.sections(
                config.poll().errorstats(), config.poll().commandstats()), config.poll().interval(),
                config.poll().maxAge(), config.adoptAfter()));
        this.enforcer = new Enforcer(redis, worker, poller, settings, meters, config.configRewrite(),
                config.adoptAfter(), config.driftCheckInterval());
        KeysConfig keys = config.keys();
        this.sampler = new KeySampler(redis, worker, new SamplerSettings(keys.batch(), keys.samplesPerMinute(),
                keys.window(), keys.top(), keys.memorySamples(), keys.warmUpPercent()),
                KeySampler.groups(keys.groups()), keys.enabled(), keys.maxLatency());
        this.scans = new ExactScanRunner(redis, worker, KeySampler.groups(keys.groups()), keys.warmUpPercent());
        this.watcher = new SettingsWatcher(settings, limit::update, enforcer);
    }

    /** Says what it starts with, then starts: listeners first, Redis last, so that the first poll is heard. */
    void start(@Observes @Priority(BEFORE_THE_SCHEDULER) StartupEvent event) {
        // Both lines first: describing a bean creates it, and its checks may still refuse the start, alone.
        String watching = "Watching Redis at " + link.address() + "; " + limit.describe();
        String doing = capitalised(settings.describe()) + "; " + credentials.describe();
        LOG.info(watching);
        LOG.info(doing);
        host.start();
        enforcer.start();
        poller.onPoll(sampler::polled);
        poller.start();
        link.onConnect(poller::pollSoon);
        link.start();
    }

    /** Closes the connection (QUIT) and stops the Redis thread. */
    void stop(@Observes ShutdownEvent event) {
        link.stop();
        worker.stop();
    }

    @Scheduled(every = "${sidecar.settings-watch-interval}", delayed = "${sidecar.settings-watch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void watchSettings() {
        watcher.look();
    }

    // An operator may fix the host's settings while the sidecar runs.
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkHost() {
        host.refresh();
    }

    @Produces
    Poller poller() {
        return poller;
    }

    @Produces
    SnapshotHolder holder() {
        return holder;
    }

    @Produces
    ConfiguredSettings settings() {
        return settings;
    }

    @Produces
    HostChecks host() {
        return host;
    }

    @Produces
    KeySampler sampler() {
        return sampler;
    }

    @Produces
    ExactScanRunner scans() {
        return scans;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
