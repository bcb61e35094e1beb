package io.github.redissidecar.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The two kernel settings Redis warns about at startup, parsed from their /proc and /sys files.
 *
 * @param overcommitMemory {@code vm.overcommit_memory} (0, 1 or 2), empty when unreadable
 * @param hugepageModes every mode the THP file lists, in order
 * @param hugepageActive the mode in brackets, e.g. {@code madvise} in {@code always [madvise] never}
 */
public record HostFacts(OptionalInt overcommitMemory, List<String> hugepageModes, Optional<String> hugepageActive) {

    public HostFacts {
        hugepageModes = List.copyOf(hugepageModes);
    }

    /** Parses the files' contents; null stands for a file that could not be read. Never throws. */
    public static HostFacts parse(String overcommitText, String hugepageText) {
        OptionalInt overcommit = OptionalInt.empty();
        if (overcommitText != null && overcommitText.strip().matches("[0-2]")) {
            overcommit = OptionalInt.of(Integer.parseInt(overcommitText.strip()));
        }
        List<String> modes = new ArrayList<>();
        Optional<String> active = Optional.empty();
        if (hugepageText != null) {
            for (String word : hugepageText.strip().split("\\s+")) {
                boolean selected = word.length() > 2 && word.startsWith("[") && word.endsWith("]");
                String mode = selected ? word.substring(1, word.length() - 1) : word;
                if (mode.matches("[a-z_]+")) {
                    modes.add(mode);
                    active = selected ? Optional.of(mode) : active;
                }
            }
        }
        return new HostFacts(overcommit, active.isPresent() ? modes : List.of(), active);
    }

    public boolean overcommitWrong() {
        return overcommitMemory.isPresent() && overcommitMemory.getAsInt() != 1;
    }

    public boolean hugepagesAlways() {
        return hugepageActive.filter("always"::equals).isPresent();
    }
}
