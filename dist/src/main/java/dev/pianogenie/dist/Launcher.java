package dev.pianogenie.dist;

import dev.pianogenie.app.cli.GenieCli;
import dev.pianogenie.files.UserDirs;
import dev.pianogenie.training.cli.NativeEnvironment;
import dev.pianogenie.training.cli.TrainingCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The one entry point of {@code ./genie} and of the installed {@code piano-genie}: {@code train} and {@code eval}
 * belong to the training module, every other subcommand (and none: the desktop app) to the app's command line.
 * It lives in its own module because the app must not depend on training.
 */
public final class Launcher {
    static final String PIPEWIRE_LATENCY = "PIPEWIRE_LATENCY";
    /** 256 frames at 48 kHz: 5.3 ms, PipeWire's quantum for our stream when the user set none. */
    static final String PIPEWIRE_LATENCY_VALUE = "256/48000";

    private Launcher() {}

    public static void main(String[] args) {
        systemPropertiesFrom(System.getenv("GENIE_JAVA_OPTS"), System.getProperties());
        // first: a user without a passwd entry has user.home "?" (caches in a folder "?" here)
        UserDirs.repairHome(System.getProperties(), System.getenv())
                .ifPresent(line -> System.err.println("genie: " + line));
        keepLibrariesInUserDirs(System.getProperties(), UserDirs.current());
        TensorFlowLog.warningsAndErrorsOnly();
        pipewireQuantum();
        if (isTraining(args)) {
            Optional<List<String>> self = relaunchCommand(System.getenv());
            OptionalInt code = self.isPresent() ? runWithNativeSettings(self.get()) : OptionalInt.empty();
            if (code.isPresent()) {
                System.exit(code.getAsInt());
            }
            TrainingCli.main(args);
        } else {
            GenieCli.main(args);
        }
    }

    /**
     * On a PipeWire desktop the Java Sound output otherwise sits behind PipeWire's default quantum of 1,024 frames
     * (21 ms); PipeWire reads {@code PIPEWIRE_LATENCY} when our stream opens, so setting it in our own environment is
     * enough. The installed launcher is a native binary that cannot set it in a shell; ./genie sets it too. A value the
     * user set is kept.
     */
    static void pipewireQuantum() {
        if (!System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("windows")) {
            TensorFlowLog.setIfUnset(PIPEWIRE_LATENCY, PIPEWIRE_LATENCY_VALUE);
        }
    }

    /** {@code train}, {@code eval} and {@code bench train} belong to the training module. */
    static boolean isTraining(String[] args) {
        String first = args.length > 0 ? args[0] : "";
        return first.equals("train")
                || first.equals("eval")
                || (first.equals("bench") && args.length > 1 && args[1].equals("train"));
    }

    /**
     * This very command line, to be started again with the training natives' environment — when that environment
     * is missing (it is read as the process starts, so it cannot be set from here) and the command line can be
     * read; empty otherwise (then training runs as it is and says it is slower).
     */
    static Optional<List<String>> relaunchCommand(Map<String, String> env) {
        if (NativeEnvironment.present(env) || env.containsKey(RELAUNCHED)) {
            return Optional.empty();
        }
        return ownCommandLine();
    }

    /**
     * This process's command line: on Linux read whole from {@code /proc/self/cmdline} (the JDK's
     * {@code ProcessHandle.Info.arguments()} gives nothing once it passes 4 KB, which a long class path does), with
     * the program as its absolute path; elsewhere from {@code ProcessHandle}.
     */
    static Optional<List<String>> ownCommandLine() {
        ProcessHandle.Info self = ProcessHandle.current().info();
        Path proc = Path.of("/proc/self/cmdline");
        if (Files.isReadable(proc)) {
            try {
                List<String> command = new ArrayList<>(
                        List.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).split("\0")));
                if (!command.isEmpty() && !command.get(0).isEmpty()) {
                    self.command().ifPresent(exe -> command.set(0, exe));
                    return Optional.of(command);
                }
            } catch (IOException e) {
                // fall through to what the JDK knows
            }
        }
        if (self.command().isEmpty() || self.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(self.command().get());
        command.addAll(List.of(self.arguments().get()));
        return Optional.of(command);
    }

    private static final String RELAUNCHED = "PIANO_GENIE_RELAUNCHED";

    /**
     * The relaunched child's environment: this one with the training natives' settings, marked as relaunched, and
     * without jpackage's {@code _JPACKAGE_LAUNCHER}: the installed launcher sets it in its own process, and a launcher
     * that finds it takes its arguments for the JVM's — the child ran {@code java … train} and found no class "train".
     */
    static Map<String, String> childEnvironment(Map<String, String> env) {
        Map<String, String> child = new java.util.HashMap<>(NativeEnvironment.completed(env));
        child.remove("_JPACKAGE_LAUNCHER");
        child.put(RELAUNCHED, "1");
        return child;
    }

    /**
     * Runs {@code command} with the native settings added to this environment, in this terminal (the child
     * inherits standard input, output and error), and returns its exit code. A TERM, INT or HUP to this process
     * reaches the child (it saves its checkpoint and stops), and this one waits for it. Empty if it cannot start.
     */
    private static OptionalInt runWithNativeSettings(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().clear();
        pb.environment().putAll(childEnvironment(System.getenv()));
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            System.err.println("genie: could not start training with its native settings (" + e.getMessage()
                    + "); training in this process, slower");
            return OptionalInt.empty();
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (child.isAlive()) {
                                child.destroy(); // SIGTERM: the run checkpoints and stops
                                try {
                                    child.waitFor();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        },
                        "stop-training-child"));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // keep waiting: the child decides when training ends
            }
        }
    }

    /**
     * The {@code -Dkey=value} options of {@code GENIE_JAVA_OPTS}, as system properties: {@code ./genie} hands the
     * variable to java, but the installed launcher is a native binary with its JVM options fixed at packaging, so
     * {@code GENIE_JAVA_OPTS=-Dgenie.debug=true piano-genie ...} works only through this. Other JVM options (heap,
     * exports) cannot be changed once the JVM runs and are left alone.
     */
    static void systemPropertiesFrom(String options, Properties system) {
        if (options == null) {
            return;
        }
        for (String option : options.trim().split("\\s+")) {
            if (option.startsWith("-D") && option.length() > 2) {
                int eq = option.indexOf('=');
                system.setProperty(
                        eq < 0 ? option.substring(2) : option.substring(2, eq), eq < 0 ? "" : option.substring(eq + 1));
            }
        }
    }

    /**
     * Libraries that write under the home folder by themselves are pointed at genie's per-user folders instead
     * (unless set already): JavaFX extracts its natives to {@code ~/.openjfx/cache}, JavaCPP (under TensorFlow)
     * makes {@code ~/.javacpp/cache}, Java's preferences (the window's options) go to {@code ~/.java}.
     */
    static void keepLibrariesInUserDirs(Properties system, UserDirs dirs) {
        system.putIfAbsent("javafx.cachedir", dirs.cache().resolve("openjfx").toString());
        system.putIfAbsent(
                "org.bytedeco.javacpp.cachedir", dirs.cache().resolve("javacpp").toString());
        system.putIfAbsent("java.util.prefs.userRoot", dirs.config().toString());
    }
}
