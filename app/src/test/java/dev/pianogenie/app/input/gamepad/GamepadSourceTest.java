package dev.pianogenie.app.input.gamepad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ControllerSettings;
import dev.pianogenie.app.perform.NoteBalance;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.midi.MidiRecorder;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted pad through JInput's real polling and event queue, into the performer and the real decoder. */
class GamepadSourceTest {
    @AfterEach
    @org.junit.jupiter.api.BeforeEach
    void plugInANewPad() {
        FakePadEnvironment.freshPad();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), "timed out");
    }

    @Test
    void scriptedPressesBecomeNotesInOrderAndAnUnplugReleasesThem(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        List<String> connections = new CopyOnWriteArrayList<>();
        List<PerformerListener.Played> played = new CopyOnWriteArrayList<>();
        PerformerListener listener = new PerformerListener() {
            @Override
            public void played(Played note) {
                played.add(note);
            }

            @Override
            public void connection(String source, boolean connected, String detail) {
                connections.add((connected ? "+" : "-") + detail);
            }
        };
        MidiRecorder rec = new MidiRecorder();
        NoteBalance sounding = new NoteBalance();
        FakePadEnvironment.FakePad pad = FakePadEnvironment.PAD;
        try (StreamingDecoder d = Decoders.open(
                        ModelFiles.load(SharedData.tutorialModel()), DecoderEngine.TENSORFLOW, Sampling.greedy());
                Performer performer = new Performer(d, listener);
                GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            performer.attach(rec);
            performer.attach(sounding);
            source.start(performer);
            // the performer hands connection news to its listener on its own thread: wait for it
            waitFor(() -> !connections.isEmpty());
            assertTrue(connections.get(0).startsWith("+Fake Pad 8"), connections.toString());
            // the device clock is wall time, as on Linux; events reach the poller after they happened
            long wall = System.currentTimeMillis() * 1_000_000L - 1_500_000_000L;
            // LT (button 0) up to RT (button 7), each held 50 ms, 100 ms apart
            for (int b = 0; b < 8; b++) {
                pad.press(b, true, wall + b * 100_000_000L);
                pad.press(b, false, wall + b * 100_000_000L + 50_000_000L);
            }
            pad.press(8, true, wall + 900_000_000L); // Select: the pedal
            pad.press(3, true, wall + 950_000_000L); // A held...
            waitFor(() -> played.size() == 9);
            assertEquals(
                    List.of(0, 1, 2, 3, 4, 5, 6, 7, 3),
                    played.stream().map(PerformerListener.Played::button).toList());
            assertTrue(played.get(7).key() > played.get(0).key(), "LT plays low, RT high");
            assertTrue(
                    played.get(1).eventNanos() - played.get(0).eventNanos() > 90_000_000L,
                    "the device's timestamps are kept, not the time of polling");
            assertTrue(performer.drain(5000));
            assertEquals(1, sounding.stuck(), "A is held");
            long unplugged = System.nanoTime();
            FakePadEnvironment.plug(false); // ...when the pad is unplugged
            waitFor(() -> connections.stream().anyMatch(c -> c.startsWith("-") && c.contains("unplugged")));
            assertTrue(performer.drain(5000));
            assertEquals(0, sounding.stuck(), "the unplug released the held note, while still playing");
            Performance p = rec.performance();
            assertEquals(9, p.notes().size());
            assertTrue(p.notes().stream().allMatch(n -> n.releaseSeconds() >= n.onsetSeconds()));
            assertTrue(played.get(8).eventNanos() < unplugged);
            FakePadEnvironment.plug(true); // play resumes when it is back
            waitFor(() -> connections.stream().filter(c -> c.startsWith("+")).count() == 2);
        }
    }

    @Test
    void theAnalogTriggerIsTheDynamics(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        List<PerformerListener.Played> played = new CopyOnWriteArrayList<>();
        List<Integer> shown = new CopyOnWriteArrayList<>();
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        PerformerListener listener = new PerformerListener() {
            @Override
            public void played(Played note) {
                played.add(note);
            }

            @Override
            public void loudness(int dynamics, int fixedVelocity, long nanos) {
                shown.add(dynamics);
            }
        };
        FakePadEnvironment.FakePad pad = FakePadEnvironment.PAD;
        try (StreamingDecoder d = Decoders.open(
                        ModelFiles.load(SharedData.tutorialModel()), DecoderEngine.TENSORFLOW, Sampling.greedy());
                Performer performer = new Performer(d, listener, false);
                GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.start(new dev.pianogenie.app.input.ButtonListener() {
                @Override
                public void onEvent(ButtonEvent e) {
                    events.add(e);
                    performer.onEvent(e);
                }
            });
            long wall = System.currentTimeMillis() * 1_000_000L - 1_000_000_000L;
            pad.press(3, true, wall); // the trigger not touched yet: the dynamics as set (mf)
            pad.press(3, false, wall + 50_000_000L);
            pad.trigger(1f, wall + 100_000_000L); // pulled all the way: ff
            pad.press(4, true, wall + 150_000_000L);
            pad.press(4, false, wall + 200_000_000L);
            pad.trigger(-1f, wall + 250_000_000L); // let go: pp
            pad.press(5, true, wall + 300_000_000L);
            pad.press(5, false, wall + 350_000_000L);
            pad.trigger(0f, wall + 400_000_000L); // half way
            pad.trigger(0.01f, wall + 410_000_000L); // jitter: no new level
            pad.press(6, true, wall + 450_000_000L);
            pad.press(6, false, wall + 500_000_000L);
            waitFor(() -> played.size() == 4);
            assertTrue(performer.drain(5000));
        }
        // the tutorial model has no velocity output: it plays 80 scaled by the dynamics, i.e. the level itself
        assertEquals(
                List.of(80, 112, 32, 72),
                played.stream().map(PerformerListener.Played::velocity).toList());
        assertEquals(
                List.of(112, 32, 72),
                events.stream()
                        .filter(e -> e.kind() == ButtonEvent.Kind.DYNAMICS)
                        .map(ButtonEvent::velocity)
                        .toList(),
                "a change only when the trigger moves enough");
        assertEquals(List.of(112, 32, 72), shown, "the window is told each level");
        assertEquals(32, GamepadSource.level(-1f));
        assertEquals(112, GamepadSource.level(1f));
    }

    @Test
    void learnModeMapsAndSavesThePressedButtons(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        FakePadEnvironment.FakePad pad = FakePadEnvironment.PAD;
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.of("fake pad"))) {
            source.start(events::add);
            List<GamepadMapping> learnt = new CopyOnWriteArrayList<>();
            List<Integer> progress = new CopyOnWriteArrayList<>();
            source.learn(true, progress::add, learnt::add);
            long t = System.currentTimeMillis() * 1_000_000L;
            int[] order = {8, 7, 6, 5, 4, 3, 2, 1, 0}; // reversed: Select becomes button 0, LT the pedal
            for (int i : order) {
                pad.press(i, true, t);
                pad.press(i, false, t);
            }
            waitFor(() -> !learnt.isEmpty());
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), progress, "told after each button");
            assertTrue(
                    events.stream()
                            .noneMatch(
                                    e -> e.kind() == ButtonEvent.Kind.PRESS || e.kind() == ButtonEvent.Kind.PEDAL_DOWN),
                    "learning does not play: " + events);
            events.clear();
            assertEquals("Select", learnt.get(0).buttons().get(0));
            assertEquals(learnt.get(0), GamepadMapping.saved("Fake Pad 8", 8).orElseThrow(), "saved for this pad");
            pad.press(8, true, t);
            waitFor(() -> events.stream().anyMatch(e -> e.kind() == ButtonEvent.Kind.PRESS));
            ButtonEvent press = events.stream()
                    .filter(e -> e.kind() == ButtonEvent.Kind.PRESS)
                    .findFirst()
                    .orElseThrow();
            assertEquals(0, press.button(), "Select is now button 0");
        }
    }

    @Test
    void aDamagedSavedMappingIsReportedAndTheDefaultPlays(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        Path file = ControllerSettings.file(GamepadMapping.KIND, "Fake Pad 8");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "{\"buttons\": [\"A\"");
        List<String> connections = new CopyOnWriteArrayList<>();
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        dev.pianogenie.app.input.ButtonListener l = new dev.pianogenie.app.input.ButtonListener() {
            @Override
            public void onEvent(ButtonEvent event) {
                events.add(event);
            }

            @Override
            public void onConnection(String source, boolean connected, String detail) {
                connections.add(detail);
            }
        };
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.start(l);
            assertTrue(
                    connections.get(0).contains("is damaged")
                            && connections.get(0).contains(file.toString()),
                    connections.get(0));
            assertEquals(
                    DefaultGamepadMapping.forButtons(FakePadEnvironment.PAD, 8),
                    source.mapping().orElseThrow());
            long t = System.currentTimeMillis() * 1_000_000L;
            FakePadEnvironment.PAD.press(7, true, t);
            waitFor(() -> !events.isEmpty());
            assertEquals(7, events.get(0).button(), "RT is the top button by default");
        }
    }

    @Test
    void rescansEnumerateAgainOnlyWhenADeviceCameOrWent(@TempDir Path devInput) throws Exception {
        java.util.concurrent.atomic.AtomicInteger enumerations = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<net.java.games.input.ControllerEnvironment> fresh = () -> {
            enumerations.incrementAndGet();
            return new FakePadEnvironment();
        };
        var rescan = GamepadSource.rescanOnChange(fresh, fresh, new DeviceNodes(devInput, true));
        var first = rescan.get();
        for (int i = 0; i < 5; i++) {
            assertTrue(rescan.get() == first, "nothing plugged in: the same enumeration");
        }
        assertEquals(1, enumerations.get());
        java.nio.file.Files.createFile(devInput.resolve("event7")); // a pad plugged in
        assertTrue(rescan.get() != first);
        assertEquals(2, enumerations.get());
        rescan.get();
        assertEquals(2, enumerations.get());
        var unwatched = GamepadSource.rescanOnChange(fresh, fresh, new DeviceNodes(devInput, false));
        unwatched.get();
        unwatched.get();
        assertEquals(4, enumerations.get(), "no device folder to watch (Windows, macOS): enumerate each time");
    }

    @Test
    void aNamedPadThatIsNotThereListsWhatIs() throws Exception {
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.of("Xbox"))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.pianogenie.app.input.ControllerException.class, () -> source.start(event -> {}));
            assertTrue(
                    e.getMessage().contains("no gamepad named 'Xbox': JInput sees Fake Pad 8 (Gamepad, 9 buttons)"),
                    e.getMessage());
        }
        FakePadEnvironment.plug(false);
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.of("Xbox"))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.pianogenie.app.input.ControllerException.class, () -> source.start(event -> {}));
            assertTrue(
                    e.getMessage().contains("no gamepad named 'Xbox': JInput sees no game controller at all"),
                    e.getMessage());
        }
    }

    /**
     * A pad that fails to poll while an enumeration that is not refreshed still lists it (no device-folder change
     * seen): it is reported once, not connected and unplugged again at full speed (was: a million messages a minute).
     */
    @Test
    void aPadThatFailsToPollIsNotReconnectedInALoop() throws Exception {
        // as JInput's default environment: the controllers of its one enumeration, for ever
        net.java.games.input.Controller[] enumerated = new FakePadEnvironment().getControllers();
        net.java.games.input.ControllerEnvironment stale = new net.java.games.input.ControllerEnvironment() {
            @Override
            public net.java.games.input.Controller[] getControllers() {
                return enumerated;
            }

            @Override
            public boolean isSupported() {
                return true;
            }
        };
        List<String> connections = new CopyOnWriteArrayList<>();
        try (GamepadSource source = new GamepadSource(() -> stale, Optional.empty())) {
            source.start(new dev.pianogenie.app.input.ButtonListener() {
                @Override
                public void onEvent(ButtonEvent event) {}

                @Override
                public void onConnection(String name, boolean connected, String detail) {
                    connections.add((connected ? "+" : "-") + detail);
                }
            });
            FakePadEnvironment.plug(false);
            waitFor(() -> connections.size() >= 2);
            Thread.sleep(GamepadSource.RESCAN_MILLIS + 500);
            assertEquals(2, connections.size(), "connected once, unplugged once: " + connections.size() + " messages");
        }
    }
}
