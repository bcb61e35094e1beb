package io.github.redissidecar.deploy;

import io.github.redissidecar.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The npm checkers the deployment tests run (tools/package.json: dclint, kubernetes-models, the Terraform checks). Installed with
 * {@code npm ci} from the lock file on first use, so the README's test command works on a fresh machine.
 */
final class NodeTools {

    static final Path DIR = Path.of("tools");

    private NodeTools() {
    }

    static synchronized void ensureInstalled() throws Exception {
        if (Files.exists(DIR.resolve("node_modules/.bin/dclint"))
                && Files.exists(DIR.resolve("node_modules/kubernetes-models"))
                && Files.exists(DIR.resolve("node_modules/@cdktf/provider-aws/package.json"))
                && Files.exists(DIR.resolve("node_modules/@action-validator/core/package.json"))) {
            return;
        }
        Command.Result install = Command.run("npm", "ci", "--prefix", DIR.toString(), "--no-audit", "--no-fund");
        if (install.exitCode() != 0) {
            throw new IllegalStateException("npm ci in tools/ failed (needs node and npm, and the npm registry):\n"
                    + install.output());
        }
    }

    static Command.Result run(String tool, String... args) throws Exception {
        ensureInstalled();
        String[] command = new String[args.length + 1];
        command[0] = tool;
        System.arraycopy(args, 0, command, 1, args.length);
        return Command.run(command);
    }
}
