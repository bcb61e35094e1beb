package io.github.redissidecar.host;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the host's overcommit and transparent hugepage settings at startup and then when asked (once a minute), and
 * logs the fix once. The sidecar shares the kernel with Redis, so what it reads is what Redis gets.
 */
public final class HostChecks {

    private static final System.Logger LOG = System.getLogger(HostChecks.class.getName());

    private final Path overcommitFile;
    private final Path hugepageFile;
    private final String host;
    private volatile HostFacts facts = HostFacts.parse(null, null);

    /**
     * @param name the host's name for the {@code host} label (SIDECAR_HOST_NAME); the kernel's boot id when empty
     * @param bootIdFile where the kernel's boot id is read
     */
    public HostChecks(Path overcommitFile, Path hugepageFile, Optional<String> name, Path bootIdFile) {
        this.overcommitFile = overcommitFile;
        this.hugepageFile = hugepageFile;
        String bootId = read(bootIdFile);
        this.host = name.filter(n -> !n.isBlank()).orElse(bootId == null ? "unknown" : bootId.strip());
    }

    /** Reads the settings and logs the fix of what is wrong, once. */
    public void start() {
        logAdvice(refresh());
    }

    /** The latest reading. */
    public HostFacts facts() {
        return facts;
    }

    /** The host's name for the {@code host} label: SIDECAR_HOST_NAME, else the kernel's boot id. */
    public String host() {
        return host;
    }

    /** Reads the settings again: an operator may fix them while the sidecar runs. */
    public HostFacts refresh() {
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
            LOG.log(Level.WARNING, String.format("Host vm.overcommit_memory is %d: Redis's fork for BGSAVE, AOF rewrite and replication can "
                    + "fail under memory pressure (Redis logs \"Memory overcommit must be enabled!\"). Fix on the "
                    + "host: sysctl -w vm.overcommit_memory=1 and vm.overcommit_memory = 1 in /etc/sysctl.conf. "
                    + "Where the host is not yours: on ECS/EC2 set it in the instance user data or launch template; "
                    + "on Kubernetes ask for a node pool with it set (a privileged DaemonSet or the node image), "
                    + "since it is not a namespaced sysctl", facts.overcommitMemory().getAsInt()));
        }
        if (facts.hugepagesAlways()) {
            LOG.log(Level.WARNING, "Host transparent hugepages are 'always': Redis gets latency spikes and extra memory use after "
                    + "fork. Fix on the host: echo madvise > /sys/kernel/mm/transparent_hugepage/enabled (or never), "
                    + "made permanent with transparent_hugepage=madvise on the kernel command line; where the host "
                    + "is not yours, ask the platform team for it in the node image or instance user data");
        }
        if (facts.overcommitMemory().isEmpty() || facts.hugepageActive().isEmpty()) {
            LOG.log(Level.INFO, "Some host memory settings could not be read; the host check series for them are absent");
        }
    }
}
