package cn.xiaoben.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Drives the packaged launcher ({@code platform up|down|kill|restart}) for a stack of its own. */
final class PlatformProcesses {

    static final int PORT_OFFSET = 10_000;

    private final Path home;
    private final Path var;

    PlatformProcesses(Path home, Path var) {
        this.home = home;
        this.var = var;
    }

    String gateway() {
        return "http://localhost:" + (8080 + PORT_OFFSET);
    }

    Path var() {
        return var;
    }

    /** Runs a launcher command that must succeed; returns what it printed. */
    String run(String... command) {
        return run(true, command);
    }

    /** {@code platform status}: its exit code is 0 only when everything runs, so it is not checked here. */
    String status() {
        return run(false, "status");
    }

    private String run(boolean mustSucceed, String... command) {
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve("infra/platform-launcher/target/platform-launcher.jar").toString()));
        args.addAll(List.of(command));
        args.addAll(List.of("--home", home.toString(), "--var", var.toString(),
                "--port-offset", String.valueOf(PORT_OFFSET)));
        try {
            Path output = Files.createTempFile("platform-", ".log");
            Process process = new ProcessBuilder(args).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(8, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("platform " + String.join(" ", command) + " did not finish:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println("platform " + String.join(" ", command) + ":\n" + text);
            if (mustSucceed && process.exitValue() != 0) {
                throw new AssertionError("platform " + String.join(" ", command) + " exited "
                        + process.exitValue() + ":\n" + text + "\n" + logs());
            }
            return text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        Path logs = var.resolve("log");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    out.append("---- ").append(log.getFileName()).append(" (last 40 lines)\n");
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.append(l).append('\n'));
                }
            }
        }
        return out.toString();
    }
}
