package io.github.redissidecar.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.redissidecar.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The release and CI workflows: valid by GitHub's workflow schema, and shaped so that a release publishes each
 * image variant on its own (one variant's failure never stops the other), only after CI passed, on native runners
 * per architecture, with no more permissions than each job needs.
 */
@SuppressWarnings("unchecked")
class WorkflowsTest {

    private static final Path DIR = Path.of(".github/workflows");

    @Test
    void everyWorkflowIsValidByTheWorkflowSchema() throws Exception {
        List<String> files;
        try (var list = Files.list(DIR)) {
            files = list.map(Path::toString).filter(f -> f.endsWith(".yml")).sorted().toList();
        }
        String[] args = new String[files.size() + 1];
        args[0] = "tools/validate-workflows.mjs";
        for (int i = 0; i < files.size(); i++) {
            args[i + 1] = files.get(i);
        }
        Command.Result result = NodeTools.run("node", args);
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(3, result.output().lines().filter(l -> l.startsWith("valid ")).count(), result.output());
    }

    @Test
    void aReleaseRunsCiFirstThenEachVariantIndependentlyAndTheChartAfterTheNativeImage() {
        Map<String, Object> release = load("release.yml");
        assertEquals(Map.of("push", Map.of("tags", List.of("v*.*.*"))), release.get(on()));
        assertEquals(Map.of(), release.get("permissions"), "nothing granted by default");
        Map<String, Map<String, Object>> jobs = jobs(release);
        assertEquals("./.github/workflows/ci.yml", jobs.get("ci").get("uses"));
        assertTrue(((Map<String, Object>) load("ci.yml").get(on())).containsKey("workflow_call"),
                "ci.yml can be called by the release");
        Set<String> variants = new HashSet<>();
        for (String name : List.of("native", "jvm")) {
            Map<String, Object> job = jobs.get(name);
            assertEquals("./.github/workflows/image.yml", job.get("uses"), name);
            assertEquals(List.of("ci"), needs(job), name + " waits for CI and for nothing else");
            variants.add(String.valueOf(((Map<String, Object>) job.get("with")).get("variant")));
            assertEquals(Map.of("contents", "read", "packages", "write"), job.get("permissions"), name);
        }
        assertEquals(Set.of("native", "jvm"), variants);
        assertEquals(List.of("native"), needs(jobs.get("chart")), "the chart's default image is the native one");
        assertTrue(steps(jobs.get("chart")).stream().anyMatch(s -> String.valueOf(s.get("run"))
                .contains("helm push")), "the chart is published");
    }

    @Test
    void eachArchitectureBuildsOnItsOwnRunnerWithoutCancellingTheOtherAndTheMergeNeedsBoth() {
        Map<String, Map<String, Object>> jobs = jobs(load("image.yml"));
        Map<String, Object> strategy = (Map<String, Object>) jobs.get("build").get("strategy");
        assertEquals(false, strategy.get("fail-fast"));
        List<Map<String, Object>> include = (List<Map<String, Object>>) ((Map<String, Object>) strategy
                .get("matrix")).get("include");
        Map<Object, Object> runnerByPlatform = include.stream().collect(Collectors.toMap(m -> m.get("platform"),
                m -> m.get("runner")));
        assertEquals(Map.of("linux/amd64", "ubuntu-24.04", "linux/arm64", "ubuntu-24.04-arm"), runnerByPlatform,
                "no emulation: a native-image build under QEMU takes hours");
        Map<String, Object> build = steps(jobs.get("build")).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("docker/build-push-action")).findFirst()
                .map(s -> (Map<String, Object>) s.get("with")).orElseThrow();
        assertEquals("docker/Dockerfile.${{ inputs.variant }}", build.get("file"));
        assertTrue(String.valueOf(build.get("outputs")).contains("push-by-digest=true"), "pushed by digest only");
        assertTrue(String.valueOf(build.get("labels")).contains("steps.meta.outputs.labels"), "OCI labels");
        assertTrue(String.valueOf(build.get("build-args")).contains("VERSION="), "the image knows its version");
        for (String cache : List.of("cache-from", "cache-to")) {
            assertTrue(String.valueOf(build.get(cache)).contains("scope=${{ inputs.variant }}-${{ matrix.arch }}"),
                    cache + " is per variant and architecture");
        }
        assertEquals(List.of("build"), needs(jobs.get("merge")));
        assertTrue(steps(jobs.get("merge")).stream().anyMatch(s -> String.valueOf(s.get("run"))
                .contains("GITHUB_STEP_SUMMARY") && String.valueOf(s.get("run")).contains("digest")),
                "the digest to deploy by is printed");
    }

    @Test
    void ciReadsOnlyAndBuildsBothImagesAndEveryJobHasATimeout() {
        Map<String, Object> ci = load("ci.yml");
        assertEquals(Map.of("contents", "read"), ci.get("permissions"));
        String runs = jobs(ci).values().stream().flatMap(j -> steps(j).stream())
                .map(s -> String.valueOf(s.get("run"))).collect(Collectors.joining("\n"));
        assertTrue(runs.contains("-f docker/Dockerfile.native"), runs);
        assertTrue(runs.contains("-f docker/Dockerfile.jvm"), runs);
        for (String file : List.of("ci.yml", "image.yml", "release.yml")) {
            jobs(load(file)).forEach((name, job) -> assertTrue(job.containsKey("uses")
                    || job.containsKey("timeout-minutes"), file + " job " + name + " has no timeout-minutes"));
        }
    }

    // A tag (@v4) can be moved to other code by whoever controls the action's repository; a commit SHA cannot.
    @Test
    void everyActionIsPinnedToACommitWithItsVersionInAComment() {
        Pattern uses = Pattern.compile("uses: (\\S+)(.*)");
        Pattern pinned = Pattern.compile("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}");
        for (String file : List.of("ci.yml", "image.yml", "release.yml")) {
            Matcher m = uses.matcher(read(file));
            while (m.find()) {
                if (m.group(1).startsWith("./")) {
                    continue;
                }
                assertTrue(pinned.matcher(m.group(1)).matches(), file + ": " + m.group());
                assertTrue(m.group(2).matches(" # v\\d+\\.\\d+\\.\\d+"), file + ": " + m.group());
            }
        }
        assertTrue(Files.exists(DIR.resolveSibling("dependabot.yml")), "updates are proposed by Dependabot");
    }

    @Test
    void onlyThePublishingJobsMayWritePackages() {
        for (String file : List.of("ci.yml", "image.yml", "release.yml")) {
            String text = read(file);
            boolean writes = text.contains("packages: write");
            assertEquals(!file.equals("ci.yml"), writes, file);
        }
        assertFalse(read("ci.yml").contains("secrets."), "CI runs on pull requests: it uses no secret");
    }

    private static Map<String, Object> load(String file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(read(file));
    }

    private static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // YAML 1.1 reads the key `on` as the boolean true.
    private static Object on() {
        return Boolean.TRUE;
    }

    private static Map<String, Map<String, Object>> jobs(Map<String, Object> workflow) {
        return (Map<String, Map<String, Object>>) workflow.get("jobs");
    }

    private static List<Object> needs(Map<String, Object> job) {
        Object needs = job.get("needs");
        return needs instanceof List<?> list ? (List<Object>) list : needs == null ? List.of() : List.of(needs);
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        Object steps = job.get("steps");
        return steps == null ? List.of() : (List<Map<String, Object>>) steps;
    }
}
