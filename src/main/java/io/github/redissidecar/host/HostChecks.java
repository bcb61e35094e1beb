package io.github.redissidecar.host;

import io.github.redissidecar.StartupReport;
import io.github.redissidecar.config.SidecarConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Reads the host's overcommit and transparent hugepage settings at startup and once a minute (an operator may fix
 * them while the sidecar runs), and logs the fix once. The sidecar shares the kernel with Redis, so what it reads
 * is what Redis gets.
 */
@ApplicationScoped
public class HostChecks {

    private static final Logger LOG = Logger.getLogger(HostChecks.class);

    private final Path overcommitFile;
    private final Path hugepageFile;
    private final String host;
    private volatile HostFacts facts = HostFacts.parse(null, null);

    HostChecks(SidecarConfig config) {
        this.overcommitFile = config.host().overcommitMemoryFile();
        this.hugepageFile = config.host().transparentHugepageFile();
        String bootId = read(config.host().bootIdFile());
        this.host = config.host().name().filter(n -> !n.isBlank())
                .orElse(bootId == null ? "unknown" : bootId.strip());
    }

    // After every configuration check has passed (StartupReport), so that a refused start prints one line only.
    void start(@Observes @Priority(StartupReport.PRIORITY) StartupEvent event) {
        logAdvice(refresh());
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodic() {
        refresh();
    }

    /** The latest reading. */
    public HostFacts facts() {
        return facts;
    }

    /** The host's name for the {@code host} label: SIDECAR_HOST_NAME, else the kernel's boot id. */
    public String host() {
        return host;
    }

    private HostFacts refresh() {
        facts = HostFacts.parse(read(overcommitFile), read(hugepageFile));
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
