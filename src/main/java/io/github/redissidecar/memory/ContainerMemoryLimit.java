package io.github.redissidecar.memory;

import io.github.redissidecar.checks.InvalidConfiguration;
import io.github.redissidecar.files.BoundedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Resolves the container memory limit setting: a size, {@code auto} (on ECS the task's limit from the task
 * metadata endpoint, else this process's cgroup, v2 then v1), or nothing. A value that is neither is a
 * configuration error, reported with the key and the value.
 */
public final class ContainerMemoryLimit {

    /** A Downward API file holds one number; anything larger is the wrong file. */
    static final int MAX_FILE_BYTES = 4096;


    public static final String KEY = "SIDECAR_CONTAINER_MEMORY_LIMIT (sidecar.container-memory-limit)";
    public static final String FILE_KEY = "SIDECAR_CONTAINER_MEMORY_LIMIT_FILE (sidecar.container-memory-limit-file)";

    /** cgroup v1 reports "no limit" as a huge page-aligned number; anything at or above this is unlimited. */
    private static final long UNLIMITED_V1 = 1L << 60;

    private ContainerMemoryLimit() {
    }

    /**
     * The limit is given one way: as a value or as a file, not both (startup and {@code validate} both ask here).
     *
     * @throws InvalidConfiguration naming both keys when both are set
     */
    public static void requireOneSource(Optional<String> setting, Optional<Path> file) {
        Optional<String> value = setting.filter(v -> !v.isBlank());
        if (file.isPresent() && value.isPresent()) {
            throw new InvalidConfiguration(KEY + " is '" + value.get() + "' and " + FILE_KEY + " is " + file.get()
                    + "; set only one of the two");
        }
    }

    public static OptionalLong resolve(String setting, Path cgroupRoot, Path procSelfCgroup) {
        return resolve(setting, cgroupRoot, procSelfCgroup, OptionalLong::empty);
    }

    /**
     * As above; with {@code auto}, the task's limit ({@code ecsTaskLimit}: on ECS, the task metadata endpoint's)
     * comes first, the cgroup only when there is none.
     */
    public static OptionalLong resolve(String setting, Path cgroupRoot, Path procSelfCgroup,
            Supplier<OptionalLong> ecsTaskLimit) {
        if (setting == null || setting.isBlank()) {
            return OptionalLong.empty();
        }
        if (setting.strip().equalsIgnoreCase("auto")) {
            OptionalLong task = ecsTaskLimit.get();
            return task.isPresent() ? task : fromCgroup(cgroupRoot, procSelfCgroup);
        }
        long bytes = ByteSize.parse(setting).filter(b -> b > 0).orElseThrow(() -> new InvalidConfiguration(
                KEY + " is '" + setting + "', which is not a memory size. Use bytes (805306368), redis.conf units "
                        + "(768mb, 1.5gb), Kubernetes units (768Mi), 'auto' to read the cgroup, or leave it empty."));
        return OptionalLong.of(bytes);
    }

    /**
     * The limit written in a file, as a Kubernetes Downward API volume writes {@code limits.memory} (bytes with
     * divisor 1; any size this key accepts).
     *
     * @throws InvalidConfiguration naming the key, the file, its content and the fix
     */
    public static OptionalLong fromFile(Path file) {
        String text;
        try {
            text = BoundedFile.read(file, MAX_FILE_BYTES).strip();
        } catch (BoundedFile.Refused e) {
            throw new InvalidConfiguration(FILE_KEY + " " + e.getMessage() + "; mount the file (a Downward API volume "
                    + "with resourceFieldRef limits.memory of Redis's container) or unset the key");
        }
        // The content is not quoted: a wrong file may be a secret (the password file mounted beside it).
        long bytes = ByteSize.parse(text).filter(b -> b > 0).orElseThrow(() -> new InvalidConfiguration(FILE_KEY
                + " " + file + " does not hold a memory size (" + text.length() + " characters, not shown); it must "
                + "hold bytes (805306368) or a size (768mb, 768Mi)"));
        return OptionalLong.of(bytes);
    }

    /** The cgroup limit, or empty when there is none ("max") or no cgroup file can be read. */
    static OptionalLong fromCgroup(Path root, Path procSelfCgroup) {
        for (Path file : candidates(root, procSelfCgroup)) {
            OptionalLong limit = read(file);
            if (limit.isPresent()) {
                return limit.getAsLong() >= UNLIMITED_V1 ? OptionalLong.empty() : limit;
            }
            if (isUnlimited(file)) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    private static List<Path> candidates(Path root, Path procSelfCgroup) {
        String own = ownCgroupV2(procSelfCgroup);
        return List.of(root.resolve(own).resolve("memory.max"), root.resolve("memory.max"),
                root.resolve("memory/memory.limit_in_bytes"));
    }

    /** The v2 path from the "0::/path" line of /proc/self/cgroup, relative; "" when absent. */
    private static String ownCgroupV2(Path procSelfCgroup) {
        try {
            for (String line : Files.readAllLines(procSelfCgroup)) {
                if (line.startsWith("0::")) {
                    return line.substring(3).strip().replaceFirst("^/+", "");
                }
            }
        } catch (IOException | RuntimeException e) {
            // No readable membership file: fall back to the namespace root.
        }
        return "";
    }

    private static OptionalLong read(Path file) {
        try {
            String text = Files.readString(file).strip();
            return OptionalLong.of(Long.parseLong(text));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean isUnlimited(Path file) {
        try {
            return Files.readString(file).strip().equals("max");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
