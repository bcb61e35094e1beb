package io.github.redissidecar.host;

import io.github.redissidecar.config.SidecarConfig;
import io.github.redissidecar.metrics.PrometheusText;
import io.github.redissidecar.StartupReport;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import io.github.redissidecar.poll.PeriodicTask;
import io.vertx.core.Vertx;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Reads the host's overcommit and transparent hugepage settings at startup and once a minute (an operator may fix
 * them while the sidecar runs), exports them, and logs the fix once. The sidecar shares the kernel with Redis, so
 * what it reads is what Redis gets.
 */
@ApplicationScoped
public class HostChecks {

    private static final Logger LOG = Logger.getLogger(HostChecks.class);

    private final Path overcommitFile;
    private final Path hugepageFile;
    private final Vertx vertx;
    private final String host;
    private volatile String page = "";

    HostChecks(SidecarConfig config, Vertx vertx) {
        this.overcommitFile = config.host().overcommitMemoryFile();
        this.hugepageFile = config.host().transparentHugepageFile();
        this.vertx = vertx;
        String bootId = read(config.host().bootIdFile());
        this.host = config.host().name().filter(n -> !n.isBlank())
                .orElse(bootId == null ? "unknown" : bootId.strip());
    }

    // After every configuration check has passed (StartupReport), so that a refused start prints one line only.
    void start(@Observes @Priority(StartupReport.PRIORITY) StartupEvent event) {
        logAdvice(refresh());
        PeriodicTask.start(vertx, Duration.ofMinutes(1), Duration.ofMinutes(1), this::refresh);
    }

    /** The host series in the Prometheus text format. */
    public String page() {
        return page;
    }

    private HostFacts refresh() {
        HostFacts facts = HostFacts.parse(read(overcommitFile), read(hugepageFile));
        page = PrometheusText.write(facts.families(host));
        return facts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static void logAdvice(HostFacts facts) {
        if (facts.overcommitWrong()) {
            LOG.warnf("Host vm.overcommit_memory is %d: Redis's fork for BGSAVE, AOF rewrite and replication can "
                    + "fail under memory pressure (Redis logs \"Memory overcommit must be enabled!\"). Fix on the "
                    + "host: sysctl -w vm.overcommit_memory=1 and vm.overcommit_memory = 1 in /etc/sysctl.conf. "
                    + "Where the host is not yours: on ECS/EC2 set it in the instance user data or launch template; "
                    + "on Kubernetes ask for a node pool with it set (a privileged DaemonSet or the node image), "
                    + "since it is not a namespaced sysctl", facts.overcommitMemory().getAsInt());
        }
        if (facts.hugepagesAlways()) {
            LOG.warn("Host transparent hugepages are 'always': Redis gets latency spikes and extra memory use after "
                    + "fork. Fix on the host: echo madvise > /sys/kernel/mm/transparent_hugepage/enabled (or never), "
                    + "made permanent with transparent_hugepage=madvise on the kernel command line; where the host "
                    + "is not yours, ask the platform team for it in the node image or instance user data");
        }
        if (facts.overcommitMemory().isEmpty() || facts.hugepageActive().isEmpty()) {
            LOG.info("Some host memory settings could not be read; the host check series for them are absent");
        }
    }
}
