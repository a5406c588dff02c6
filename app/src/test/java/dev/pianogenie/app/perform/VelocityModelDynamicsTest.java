package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.pianogenie.app.cli.GenieCli;
import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.io.TensorNames;
import dev.pianogenie.model.net.PianoGenieNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration of the two halves of issue 27: a model WITH a velocity output (random weights, spread as velmodel's
 * VelocityOutputTest does: not a musical model, a real one) through the real performer: the note's velocity is the
 * decoder's own lastVelocity() shaped by the dynamics, and a recorded take replays note for note.
 */
class VelocityModelDynamicsTest {
    static final long S = 1_000_000_000L;

    @TempDir
    static Path dir;

    static Path saved;
    static PianoGenieModel model;

    @BeforeAll
    static void velocityModel() throws Exception {
        ModelConfig config = new ModelConfig(
                "velocity", FeatureEncoding.PAPER, CellConvention.TORCH_IFGO, 64, 2, true, Map.of(), 64, 24);
        saved = dir.resolve("m");
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            PianoGenieNet net = new PianoGenieNet(config);
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, net.exampleInputShapes());
            net.namedParameters().get(TensorNames.VEL_HIDDEN_WEIGHT).getArray().muli(6f);
            net.namedParameters().get(TensorNames.VEL_OUTPUT_WEIGHT).getArray().muli(12f);
            ModelFiles.save(saved, config, net.tensors(true));
        }
        model = ModelFiles.load(saved);
    }

    /** The real decoder, watched: what it predicted for each note. */
    static final class Watched implements StreamingDecoder {
        final StreamingDecoder real;
        final List<Integer> predicted = new ArrayList<>();

        Watched(StreamingDecoder real) {
            this.real = real;
        }

        @Override
        public int numButtons() {
            return real.numButtons();
        }

        public int next(int button, long t) {
            int k = real.next(button, t);
            predicted.add(real.lastVelocity());
            return k;
        }

        public boolean predictsVelocity() {
            return real.predictsVelocity();
        }

        public int lastVelocity() {
            return real.lastVelocity();
        }

        public Lookahead lookahead(long t) {
            return real.lookahead(t);
        }

        public void overrideDeltaTime(double s) {
            real.overrideDeltaTime(s);
        }

        public void reset() {
            real.reset();
        }

        public void setSampling(Sampling s) {
            real.setSampling(s);
        }

        public Sampling sampling() {
            return real.sampling();
        }

        public void lastProbabilities(float[] into) {
            real.lastProbabilities(into);
        }

        public void close() {
            real.close();
        }
    }

    @Test
    void theModelsVelocityShapedByTheDynamics() throws Exception {
        for (int level : new int[] {Dynamics.PP, Dynamics.MF, Dynamics.FF}) {
            for (DecoderEngine engine : DecoderEngine.values()) {
                Watched d = new Watched(
                        Decoders.open(model, engine, Sampling.of(0.25).withSeed(3)));
                List<ButtonEvent> events = new ArrayList<>();
                events.add(ButtonEvent.dynamics(level, 0));
                events.addAll(DynamicsTest.scale(40));
                List<PerformerListener.Played> n = DynamicsTest.play(d, p -> {}, events);
                assertTrue(d.predictsVelocity());
                assertEquals(40, n.size());
                for (int i = 0; i < 40; i++) {
                    assertTrue(d.predicted.get(i) >= 1 && d.predicted.get(i) <= 127);
                    assertEquals(
                            Dynamics.shape(d.predicted.get(i), level),
                            n.get(i).velocity(),
                            engine + " level " + level + " note " + i);
                }
                System.out.println(engine + " level " + level + ": "
                        + n.stream().map(PerformerListener.Played::velocity).toList());
            }
        }
    }

    @Test
    void aTakeReplaysNoteForNoteHeadless() throws Exception {
        Path session = PlayDynamicsTestSession.write(dir);
        Path first = dir.resolve("first.mid");
        assertEquals(
                0,
                GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--controller",
                                "replay:" + session + "@fast",
                                "--output",
                                "none",
                                "--model",
                                saved.toString(),
                                "--dynamics",
                                "p",
                                "--record",
                                first.toString()));
        Path again = dir.resolve("again.mid");
        assertEquals(
                0,
                GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--controller",
                                "replay:" + SessionFile.besideMidi(first) + "@fast",
                                "--output",
                                "none",
                                "--record",
                                again.toString()));
        List<String> a = MidiFileReader.read(first).notes().stream()
                .map(x -> x.pitch() + "@" + x.velocity())
                .toList();
        assertEquals(
                a,
                MidiFileReader.read(again).notes().stream()
                        .map(x -> x.pitch() + "@" + x.velocity())
                        .toList());
        long distinct = MidiFileReader.read(first).notes().stream()
                .mapToInt(Note::velocity)
                .distinct()
                .count();
        System.out.println("headless take velocities: "
                + MidiFileReader.read(first).notes().stream()
                        .map(Note::velocity)
                        .toList());
        assertTrue(distinct > 3, "the model's velocities vary: " + distinct);
    }
}
