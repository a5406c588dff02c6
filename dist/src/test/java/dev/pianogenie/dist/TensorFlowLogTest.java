package dev.pianogenie.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorFlowLogTest {
    @Test
    void setsAVariableInTheProcessEnvironmentWithoutOverwriting() {
        String name = "PIANOGENIE_LAUNCHER_TEST_" + ProcessHandle.current().pid();
        assertNull(TensorFlowLog.libc().getenv(name));
        assertTrue(TensorFlowLog.setIfUnset(name, "2"));
        // what native code's getenv reads (Java's System.getenv is a copy taken at start-up)
        assertEquals("2", TensorFlowLog.libc().getenv(name));
        assertTrue(TensorFlowLog.setIfUnset(name, "0"));
        assertEquals("2", TensorFlowLog.libc().getenv(name), "a value already set is the user's choice");
    }
}
