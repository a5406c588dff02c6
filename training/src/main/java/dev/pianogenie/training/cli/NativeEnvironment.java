package dev.pianogenie.training.cli;

import java.util.List;

/**
 * The environment ./genie sets for PyTorch's CPU natives (malloc that keeps the LSTM's work buffers, OpenMP
 * threads that sleep while they wait; the genie script says why). It can only be set before the process starts,
 * so a run started some other way (an IDE, a plain java command) is told it is slower.
 */
final class NativeEnvironment {
    static final List<String> VARIABLES = List.of("GLIBC_TUNABLES", "THP_MEM_ALLOC_ENABLE", "OMP_WAIT_POLICY");

    private NativeEnvironment() {
    }

    static boolean tuned() {
        return VARIABLES.stream().allMatch(v -> System.getenv(v) != null && !System.getenv(v).isEmpty());
    }

    /** One line for logs and benchmarks. */
    static String describe() {
        StringBuilder sb = new StringBuilder();
        for (String v : VARIABLES) {
            sb.append(sb.length() == 0 ? "" : " ").append(v).append('=').append(System.getenv(v) == null ? "(unset)" : System.getenv(v));
        }
        return sb.toString();
    }

    /** A note when started without ./genie's environment; null when it is there. */
    static String warning() {
        return tuned() ? null
                : "note: started without ./genie's native settings (" + String.join(", ", VARIABLES)
                        + "): training runs several times slower; start it through ./genie";
    }
}
