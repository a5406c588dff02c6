package dev.pianogenie.app.cli;

import dev.pianogenie.app.live.PianoSound;
import dev.pianogenie.midi.sound.SoundBench;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./genie bench sound}: what the built-in synthesizer's sound is like to play — timbre against touch, level
 * against velocity, onset, load time and heap, CPU with 72 notes held — for the default sound (the sampled piano),
 * Gervill's own set ({@code --soundfont gervill}) or an SF2.
 */
@Command(
        name = "sound",
        mixinStandardHelpOptions = true,
        description =
                "The built-in synth's sound: brightness at velocity 64/127 (C4, C6), C4 level 16..127, onset, load time,"
                        + " heap, CPU per block with 72 notes held; last line JSON.")
public final class BenchSoundCommand implements Callable<Integer> {

    @Option(
            names = "--soundfont",
            paramLabel = "SF2|gervill",
            description =
                    "an SF2 soundfont, or 'gervill' for Gervill's own General MIDI set (default: the default sound, the sampled piano)")
    String soundfont;

    @Override
    public Integer call() throws Exception {
        boolean gervill = "gervill".equals(soundfont);
        Optional<Path> sf2 = soundfont == null || gervill ? Optional.empty() : Optional.of(Path.of(soundfont));
        SoundBench.Result r = SoundBench.run(sf2, () -> {
            if (soundfont == null) {
                PianoSound.prepareHere();
            }
        });
        SoundBench.report(r).forEach(System.out::println);
        return 0;
    }
}
