package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Standard error drops a rejected repaint's trace only while the JVM shuts down, and nothing else. */
class QuietStderrAtExitTest {

    @Test
    void onlyARejectedExecutionTraceDuringShutdownIsDropped() {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        AtomicBoolean shuttingDown = new AtomicBoolean();
        PrintStream err = new PrintStream(new QuietStderrAtExit(seen, shuttingDown::get), true, StandardCharsets.UTF_8);

        new RejectedExecutionException("renderer gone").printStackTrace(err);
        String before = seen.toString(StandardCharsets.UTF_8);
        assertEquals(
                true,
                before.contains("RejectedExecutionException") && before.contains("\tat "),
                "before the shutdown it is reported: " + before);

        seen.reset();
        new RejectedExecutionException("Task com.sun.javafx.tk.quantum.PaintRenderJob@4ce6f88f rejected from"
                        + " com.sun.javafx.tk.quantum.QuantumRenderer@609aa3[Terminated, pool size = 0]")
                .printStackTrace(err);
        assertEquals(
                "", seen.toString(StandardCharsets.UTF_8), "a repaint the stopped renderer rejected is never shown");

        shuttingDown.set(true);
        err.print("Exception in thread \"JavaFX Application Thread\" ");
        new RejectedExecutionException("renderer gone").printStackTrace(err);
        err.println("genie: take saved");
        new IllegalStateException("something else").printStackTrace(err);
        String during = seen.toString(StandardCharsets.UTF_8);
        assertEquals(false, during.contains("RejectedExecutionException"), during);
        assertEquals(true, during.startsWith("genie: take saved\n"), during);
        assertEquals(
                true,
                during.contains("IllegalStateException: something else") && during.contains("\tat "),
                "any other trace still shows: " + during);
    }
}
