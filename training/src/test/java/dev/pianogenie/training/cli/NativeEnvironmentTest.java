package dev.pianogenie.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {
    @Test
    void theTestsTrainInTheSameEnvironmentAsTheLauncherGives() {
        // training/pom.xml's surefire <environmentVariables> repeat NativeEnvironment.SETTINGS (a pom cannot read it)
        NativeEnvironment.SETTINGS.forEach((k, v) -> assertEquals(v, System.getenv(k), k));
    }

    @Test
    void missingVariablesAreAddedAndTheUsersOwnKept() {
        Map<String, String> env = NativeEnvironment.completed(Map.of("OMP_WAIT_POLICY", "", "PATH", "/bin"));
        assertTrue(NativeEnvironment.present(env));
        assertEquals("", env.get("OMP_WAIT_POLICY"), "an empty value is the user's way to turn one off");
        assertEquals("/bin", env.get("PATH"));
        assertEquals(NativeEnvironment.SETTINGS.get("GLIBC_TUNABLES"), env.get("GLIBC_TUNABLES"));
        assertFalse(NativeEnvironment.present(Map.of("PATH", "/bin")));
    }
}
