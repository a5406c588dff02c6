package dev.pianogenie.app.cli;

import dev.pianogenie.app.live.PianoSound;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.midi.MidiFileName;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.midi.sound.OfflineRenderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./genie render take.mid}: a recording (or any MIDI file) through the built-in synthesizer to a WAV
 * file, faster than real time and without a sound card — to listen to a take on another machine, or to check
 * a model's playing by ear.
 */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = "Render a MIDI file through the built-in synthesizer to a WAV file (no sound card needed).")
public final class RenderCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MIDI", description = "the MIDI file to render")
    Path midi;

    @Option(
            names = "--out",
            paramLabel = "WAV",
            description = "the WAV file to write (default: beside the MIDI file, .wav)")
    Path out;

    @Option(
            names = "--soundfont",
            paramLabel = "SF2",
            description = "an SF2 soundfont (default: the built-in sound, "
                    + "as live play: the sampled grand piano; `genie devices` lists the soundfonts found)")
    Path soundfont;

    @Option(
            names = "--normalise",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "scale the whole file so its peak is at -1 dBFS (one gain: the dynamics stay); ON by default, "
                            + "--no-normalise keeps the synthesizer's own level (a piano peaks around -17 dBFS)")
    boolean normalise;

    @Override
    public Integer call() throws Exception {
        Performance p = MidiFileReader.read(midi);
        if (p.notes().isEmpty()) {
            throw new IllegalArgumentException(midi + " has no notes to render");
        }
        Path wav = out != null ? out : midi.resolveSibling(MidiFileName.stem(midi) + ".wav");
        AtomicFile.checkNotInput(wav, "--out", midi, "the MIDI file being rendered");
        AtomicFile.checkNotInput(wav, "--out", soundfont, "the --soundfont");
        AtomicFile.checkWritable(
                wav, OfflineRenderer.wavBytes(p)); // before rendering, not after (a long take renders for a while)
        if (soundfont == null) {
            PianoSound.prepareHere();
        }
        OfflineRenderer.Level level = OfflineRenderer.writeWav(p, Optional.ofNullable(soundfont), wav, normalise);
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s: %,d notes, %.1f s → %s with %s (peak %.1f dBFS%s)%n",
                        midi,
                        p.notes().size(),
                        p.seconds(),
                        wav,
                        level.sound(),
                        level.renderedPeakDbfs() + level.gainDb(),
                        level.gainDb() != 0
                                ? String.format(Locale.ROOT, ", normalised: %+.1f dB", level.gainDb())
                                : "");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
