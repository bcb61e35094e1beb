package io.github.redissidecar.app;

import io.github.redissidecar.cloudwatch.EmfDimensions;
import io.github.redissidecar.cloudwatch.EmfInputs;
import io.github.redissidecar.cloudwatch.EmfReport;
import io.github.redissidecar.config.CloudWatchConfig;
import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.container.ContainerLimitSetting;
import io.github.redissidecar.container.EcsTask;
import io.github.redissidecar.keys.KeySampler;
import io.github.redissidecar.meters.SidecarMeters;
import io.github.redissidecar.poll.PollResult;
import io.github.redissidecar.poll.Poller;
import io.github.redissidecar.poll.SnapshotHolder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * With SIDECAR_CLOUDWATCH_EMF=true, writes CloudWatch Embedded Metric Format documents to stdout at every
 * SIDECAR_CLOUDWATCH_EMF_INTERVAL, each from a poll of its own (as a scrape would get). They go through their own
 * log category, whose handler writes the bare line (application.properties), so that they never interleave with
 * the log and an ordinary log line, which starts with its time, never parses as JSON.
 */
@Singleton
public class CloudWatchOutput {

    /** The log category of the documents. */
    public static final String CATEGORY = "io.github.redissidecar.emf";

    private static final Logger LOG = Logger.getLogger(CloudWatchOutput.class);
    private static final Logger EMF = Logger.getLogger(CATEGORY);

    private final CloudWatchConfig config;
    private final Duration wait;
    private final Poller poller;
    private final SnapshotHolder holder;
    private final ContainerLimitSetting limit;
    private final EcsTask ecs;
    private final KeySampler sampler;
    private final SidecarMeters meters;
    private final Scheduler scheduler;
    private EmfReport report;

    CloudWatchOutput(SidecarConfig config, Poller poller, SnapshotHolder holder, ContainerLimitSetting limit,
            EcsTask ecs, KeySampler sampler, SidecarMeters meters, Scheduler scheduler) {
        this.config = config.cloudwatch();
        this.wait = config.poll().scrapeWait();
        this.poller = poller;
        this.holder = holder;
        this.limit = limit;
        this.ecs = ecs;
        this.sampler = sampler;
        this.meters = meters;
        this.scheduler = scheduler;
    }

    // After the lifecycle (its checks refuse a bad value first) and before the scheduler starts its jobs.
    void start(@Observes @jakarta.annotation.Priority(-50) StartupEvent event) {
        if (!config.emf()) {
            return;
        }
        report = new EmfReport(config.namespace(), EmfDimensions.of(ecs.task(), config.redisName()),
                config.keyGroups());
        LOG.infof("Writing CloudWatch EMF to stdout every %ss: namespace %s, dimensions %s",
                config.emfInterval().toSeconds(), config.namespace(), report.dimensions().describe());
        scheduler.newJob("cloudwatch-emf").setInterval(config.emfInterval().toString())
                .setDelayed(config.emfInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> write()).schedule();
    }

    void write() {
        PollResult poll = poll();
        EmfInputs in = new EmfInputs(poll.snapshot(), limit.bytes(), ecs.redisMemoryUsed(), meters.restarts(),
                meters.reasserts());
        long at = poll.snapshot().isPresent() ? poll.polledAtEpochMillis() : System.currentTimeMillis();
        for (String line : report.documents(at, in, sampler.estimates(poll.snapshot()))) {
            EMF.info(line);
        }
    }

    // A poll of its own, waited for as a scrape waits; past that, the last one (a frozen Redis writes its RedisUp).
    private PollResult poll() {
        try {
            return poller.fresh().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return holder.current();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return holder.current();
        }
    }
}
