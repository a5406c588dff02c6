package dev.pianogenie.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** One line from an exception and its causes, worded the same for the command line and the window. */
class ErrorTextTest {

    @Test
    void causesAreJoinedOnceOnOneLine() {
        Exception e = new IllegalStateException("could not save the take", new IOException("disk\nfull"));
        assertEquals("could not save the take: disk full", ErrorText.describe(e));
        Exception repeated =
                new IllegalArgumentException("bad scale: C:bluesy", new IllegalArgumentException("C:bluesy"));
        assertEquals("bad scale: C:bluesy", ErrorText.describe(repeated), "a cause already said is not said again");
        assertEquals("NullPointerException", ErrorText.describe(new NullPointerException()));
        assertEquals("two lines become one", ErrorText.describe(new IOException("two lines\n  become one")));
    }

    /** The JDK's file errors carry only the path as their message: the reason is added (was: "genie bench midi: /x"). */
    @Test
    void aFileErrorSaysWhatIsWrongNotJustThePath() {
        assertEquals("/x/data: no such file", ErrorText.describe(new NoSuchFileException("/x/data")));
        assertEquals(
                "could not list: /root/x: permission denied",
                ErrorText.describe(new IOException("could not list", new AccessDeniedException("/root/x"))));
        assertEquals(
                "take.mid: cannot be written: permission denied",
                ErrorText.describe(new IOException(
                        "take.mid: cannot be written: permission denied",
                        new AccessDeniedException("/music/.take.mid.1a2b.part"))),
                "a reason already given is not given again with the temporary file's name");
    }

    @Test
    void aMistypedCommandLineIsOneLineWithWhereTheHelpIs() {
        assertEquals(
                "genie play: Unknown option: '--recrod' (did you mean --record?) (try genie play --help)",
                ErrorText.usage("genie play", "Unknown option: '--recrod'", "--record"));
        assertEquals(
                "genie render: Missing required parameter: 'MIDI' (try genie render --help)",
                ErrorText.usage("genie render", "Missing required parameter: 'MIDI'\n", null));
    }
}
