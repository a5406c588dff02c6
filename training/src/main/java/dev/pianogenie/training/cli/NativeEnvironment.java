package dev.pianogenie.training.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment PyTorch's CPU natives train best in on a few shared cores (measured: docs/TRAINING-SPEED.md).
 * Each variable is read once when the process or the natives start, so it cannot be set from inside the JVM: the
 * launcher ({@code dev.pianogenie.dist.Launcher}) starts training commands again with these set when they are
 * missing; a value the user set is kept (an empty one turns it off). A run started some other way (an IDE, a
 * plain java command) is told it is slower.
 */
public final class NativeEnvironment {
    /** The variables and their values, in one place. */
    public static final Map<String, String> SETTINGS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        // glibc hands the LSTM's 40-64 MB work buffers back to the kernel after every op and page-faults them in
        // again for the next (most of a step's CPU time): keep freed memory in the process, on huge pages. Up to 8
        // arenas: the shards' threads (at most 8) allocate side by side; one arena made them queue at its lock
        // (measured, 2 shards: 6.48 steps/s with 1 arena, 6.69 with 4, RSS about 1 GB either way).
        m.put(
                "GLIBC_TUNABLES",
                "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967296"
                        + ":glibc.malloc.arena_max=8:glibc.malloc.hugetlb=1");
        m.put("THP_MEM_ALLOC_ENABLE", "1");
        // OpenMP threads that spin while they wait stall each other when the cores are shared: sleep instead.
        m.put("OMP_WAIT_POLICY", "PASSIVE");
        SETTINGS = java.util.Collections.unmodifiableMap(m);
    }

    private NativeEnvironment() {}

    /** Whether every variable is present in {@code env} (set, possibly empty: the user's choice). */
    public static boolean present(Map<String, String> env) {
        return SETTINGS.keySet().stream().allMatch(env::containsKey);
    }

    /** {@code env} with the missing variables added; the user's own values kept. */
    public static Map<String, String> completed(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>(env);
        SETTINGS.forEach(out::putIfAbsent);
        return out;
    }

    static boolean tuned() {
        return SETTINGS.keySet().stream()
                .allMatch(v -> System.getenv(v) != null && !System.getenv(v).isEmpty());
    }

    /** One line for logs and benchmarks. */
    static String describe() {
        StringBuilder sb = new StringBuilder();
        for (String v : SETTINGS.keySet()) {
            sb.append(sb.length() == 0 ? "" : " ")
                    .append(v)
                    .append('=')
                    .append(System.getenv(v) == null ? "(unset)" : System.getenv(v));
        }
        return sb.toString();
    }

    /** A note when started without these settings; null when they are there. */
    static String warning() {
        return tuned()
                ? null
                : "note: started without the native settings for training (" + String.join(", ", SETTINGS.keySet())
                        + "): training runs several times slower; start it through ./genie or piano-genie";
    }
}
