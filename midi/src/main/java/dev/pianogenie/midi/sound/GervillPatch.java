package dev.pianogenie.midi.sound;

import com.sun.media.sound.ModelConnectionBlock;

/**
 * Whether this JVM runs the JDK's synthesizer with gervill-patch (gervill-patch/pom.xml): without it Gervill makes
 * garbage in every audio period it renders (6 KB per 256 frames with a few notes sounding, 57 KB pedalled), which in
 * JACK's realtime callback means allocation — and now and then a slow one — where none should be. The launchers
 * ({@code ./genie}, the installed package) and the tests give the JVM {@code --patch-module java.desktop=…}; anything
 * else starting the app should too.
 */
public final class GervillPatch {
    public static final String HOW_TO =
            "start the JVM with --patch-module java.desktop=gervill-patch.jar as ./genie and the installed app do";

    private GervillPatch() {}

    /** True when Gervill's connection blocks hand out their sources without copying them (the patch is loaded). */
    public static boolean active() {
        ModelConnectionBlock block = new ModelConnectionBlock();
        return block.getSources() == block.getSources();
    }

    /** For a bench or a device description, after "Gervill ". */
    public static String describe() {
        return active()
                ? "patched: no garbage per audio period"
                : "unpatched: garbage in every audio period (" + HOW_TO + ")";
    }
}
