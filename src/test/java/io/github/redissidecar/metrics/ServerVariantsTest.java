package io.github.redissidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.info.InfoParser;
import io.github.redissidecar.info.InfoSnapshot;
import io.github.redissidecar.info.ServerIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** INFO as Redis 7.0, Redis 8.0 and Valkey 8.0 really write it (captured from Debian's packages), master and replica. */
class ServerVariantsTest {

    /** Host facts redis_exporter exports only with --include-system-metrics; the sidecar has its own host series. */
    private static final Set<String> OPT_IN = Set.of("total_system_memory");

    private static InfoSnapshot captured(String name) throws IOException {
        try (InputStream in = ServerVariantsTest.class.getResourceAsStream("/info/" + name)) {
            return InfoParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "7.0-master.txt, redis, 7.0.15, master",
        "7.0-replica.txt, redis, 7.0.15, slave",
        "8.0-master.txt, redis, 8.0.2, master",
        "8.0-replica.txt, redis, 8.0.2, slave",
        "valkey-8.0-master.txt, valkey, 8.0.1, master",
        "valkey-8.0-replica.txt, valkey, 8.0.1, slave"})
    void nameVersionModeAndRole(String file, String name, String version, String role) throws IOException {
        ServerIdentity server = ServerIdentity.of(captured(file));
        assertEquals(new ServerIdentity(name, version, "standalone", role), server);
    }

    @ParameterizedTest
    @ValueSource(strings = {"valkey-8.0-master.txt", "valkey-8.0-replica.txt"})
    void valkeysInstanceInfoHasItsModeAndVersion(String file) throws IOException {
        Sample info = LabelledSeries.instanceInfo(captured(file)).samples().get(0);
        String labels = String.join(",", info.labels());
        assertTrue(labels.contains("redis_mode,standalone,"), labels);
        assertTrue(labels.contains("redis_version,7.2.4,"), "redis_exporter's label keeps what INFO says: " + labels);
        assertTrue(labels.endsWith("valkey_version,8.0.1"), "8.0.1 has no valkey_release_stage yet: " + labels);
    }

    /**
     * Every INFO field these servers report that redis_exporter maps to a plain series (the reference table) comes
     * out under the exporter's name: the fields Redis 7.4/8 and Valkey 8 added included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"8.0-master.txt", "8.0-replica.txt", "valkey-8.0-master.txt", "valkey-8.0-replica.txt"})
    void everyMappedFieldIsExported(String file) throws IOException {
        InfoSnapshot info = captured(file);
        Set<String> exported = InfoMetrics.families(info, 0, 16).stream().filter(f -> !f.samples().isEmpty())
                .map(MetricFamily::name).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String row : reference()) {
            String[] cells = row.split("\t");
            if (cells.length == 4 && !OPT_IN.contains(cells[1]) && cells[1].matches("[a-z0-9_]+") && cells[2].matches("redis_[a-z0-9_]+")
                    && info.text(cells[1]).isPresent() && !exported.contains(cells[2])) {
                missing.add(cells[1] + " -> " + cells[2]);
            }
        }
        assertEquals(List.of(), missing, file);
    }

    private static List<String> reference() throws IOException {
        try (InputStream in = ServerVariantsTest.class.getResourceAsStream("/reference/redis_exporter_metrics.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
    }
}
