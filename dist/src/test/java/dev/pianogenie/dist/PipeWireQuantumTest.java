package dev.pianogenie.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The launcher puts PipeWire's quantum for our stream at 256 frames unless the user chose one. */
class PipeWireQuantumTest {

    @Test
    void setsPipewireLatencyWhenUnsetAndKeepsTheUsersValue() {
        String before = System.getenv(Launcher.PIPEWIRE_LATENCY);
        Launcher.pipewireQuantum();
        // what PipeWire's client library reads: the process environment (System.getenv is a copy from start-up)
        assertEquals(before != null ? before : "256/48000", TensorFlowLog.libc().getenv(Launcher.PIPEWIRE_LATENCY));
        TensorFlowLog.libc().setenv(Launcher.PIPEWIRE_LATENCY, "128/48000", 1);
        Launcher.pipewireQuantum();
        assertEquals(
                "128/48000",
                TensorFlowLog.libc().getenv(Launcher.PIPEWIRE_LATENCY),
                "a value already set is the user's");
    }
}
