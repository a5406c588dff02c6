package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.app.input.keyboard.ComputerKeyboard;
import dev.pianogenie.app.live.KeyChoice;
import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.app.live.LiveSetup.Choice;
import dev.pianogenie.app.live.OutputSpec;
import dev.pianogenie.app.live.PianoSound;
import dev.pianogenie.app.perform.Dynamics;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.files.UserDirs;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's state, read-only to the views, and the commands that change it. It starts from the
 * {@link LiveSetup} the command line built; whatever the player did not choose there comes from last time
 * (Java preferences), and what the player sets in the window is remembered. Used on the JavaFX thread; the
 * work behind the commands runs in {@link PlayController}, off it.
 */
final class AppState implements AutoCloseable {
    /** Where takes go when no --record was given: the desktop's music folder (XDG), never the install folder. */
    static final Path TAKES = UserDirs.current().music();

    private final ReadOnlyDoubleWrapper temperature = new ReadOnlyDoubleWrapper(Sampling.DEFAULT_TEMPERATURE);
    private final ReadOnlyObjectWrapper<KeyChoice> keys = new ReadOnlyObjectWrapper<>(KeyChoice.ALL);
    private final ReadOnlyIntegerWrapper velocity = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper velocityFixed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper dynamics = new ReadOnlyIntegerWrapper(Dynamics.MF);
    private final ReadOnlyObjectWrapper<List<OutputSpec>> outputs =
            new ReadOnlyObjectWrapper<>(List.of(OutputSpec.SYNTH));
    private final ReadOnlyStringWrapper outputStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper outputProblem = new ReadOnlyBooleanWrapper(false);
    /** The output failed and the player had chosen it (shown in a warning colour; a default that cannot play is not). */
    private final ReadOnlyBooleanWrapper outputAlarm = new ReadOnlyBooleanWrapper(false);

    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("(loading)");
    private final ReadOnlyStringWrapper modelDetail = new ReadOnlyStringWrapper("");
    /** The loaded model's number of buttons: the pads and keys follow it. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper buttons =
            new javafx.beans.property.ReadOnlyIntegerWrapper(dev.pianogenie.model.Keys.DEFAULT_BUTTONS);

    private final ReadOnlyStringWrapper modelFolder = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.info("Starting…"));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper controllerStatus = new ReadOnlyStringWrapper("keyboard ready");
    private final ReadOnlyBooleanWrapper controllerConnected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper pedalDown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper modelReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Optional<Path>> lastTake = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyIntegerWrapper takes = new ReadOnlyIntegerWrapper(0);
    /** Every take file this window has handed out (JavaFX thread): a later take never reuses one. */
    private final java.util.Set<Path> handedOut = new java.util.HashSet<>();

    private final LiveSetup setup;
    /** The settings every model shares (velocity, output); the model's own are in {@link #modelPrefs}. */
    private final Preferences prefs;
    /** The model to start with: the command line's, else last time's (if still there and this copy's), else the shipped one. */
    private final RememberedModel.Choice startModel;
    /** The settings of the model in use: its temperature and keys (a node per model, see {@link RememberedModel}). */
    private Preferences modelPrefs;

    private String modelKey;
    private final Path takesFolder;
    private final UiEvents events = new UiEvents();
    private final PlayController controller;
    /** Changes of temperature/keys sent to the performer and not yet seen applied, oldest first. */
    private final java.util.ArrayDeque<SamplingChange> sent = new java.util.ArrayDeque<>();
    /**
     * Changes of dynamics or fixed velocity sent to the performer and not yet reported back. Each is reported exactly
     * once, with the performer's whole state then; a controller's changes are reported too, interleaved, so the reports
     * are counted rather than matched, and the window shows the performer's state once none of its own is on the way.
     */
    private int loudnessPending;

    /**
     * @param takesFolder where takes are saved when the setup has no record target
     */
    AppState(LiveSetup setup, Preferences prefs, Path takesFolder) {
        this.setup = setup;
        this.prefs = prefs;
        this.takesFolder = takesFolder;
        this.startModel = setup.isChosen(Choice.MODEL)
                ? new RememberedModel.Choice(
                        setup.modelFolder(),
                        RememberedModel.keyOf(setup.modelFolder(), shipped()),
                        false,
                        java.util.Optional.empty())
                : RememberedModel.recall(prefs, shipped());
        if (startModel.folder() == null) {
            setup.modelFolder(); // no shipped model and none remembered: its error says to pass --model
        }
        this.modelKey = startModel.key();
        this.modelPrefs = prefs.node("models").node(modelKey);
        // every remembered setting is checked as the player's own would be: a damaged settings file (a temperature of
        // NaN) gives the setup's value, never a window that cannot load
        double t = setup.isChosen(Choice.TEMPERATURE)
                ? setup.temperature()
                : rememberedTemperature(modelPrefs, setup.temperature());
        temperature.set(Math.max(0, Math.min(1, t)));
        keys.set(
                setup.isChosen(Choice.KEYS)
                        ? setup.keys()
                        : rememberedKeys(modelPrefs).orElse(setup.keys()));
        velocity.set(setup.velocity().orElse(rememberedVelocity(prefs, "velocity", Performer.DEFAULT_VELOCITY)));
        velocityFixed.set(
                setup.isChosen(Choice.VELOCITY)
                        ? setup.velocity().isPresent()
                        : prefs.getBoolean("velocity_fixed", false));
        dynamics.set(
                setup.isChosen(Choice.DYNAMICS)
                        ? setup.dynamics()
                        : rememberedVelocity(prefs, "dynamics", setup.dynamics()));
        outputs.set(
                setup.isChosen(Choice.OUTPUT)
                        ? setup.outputs()
                        : rememberedOutputs(prefs).orElse(setup.outputs()));
        controller = new PlayController(this, events);
    }

    /** A remembered velocity or dynamics level, 1..127; a damaged one (out of range) is the default, not clamped. */
    private static int rememberedVelocity(Preferences prefs, String key, int fallback) {
        int v = prefs.getInt(key, fallback);
        return v >= 1 && v <= 127 ? v : fallback;
    }

    private static double rememberedTemperature(Preferences prefs, double fallback) {
        double t = prefs.getDouble("temperature", fallback);
        return Double.isFinite(t) && t >= 0 && t <= 1 ? t : fallback;
    }

    private static Optional<KeyChoice> rememberedKeys(Preferences prefs) {
        if (prefs.get("scale", null) == null) {
            return Optional.empty();
        }
        try {
            Scale s = Scale.valueOf(prefs.get("scale", Scale.CHROMATIC.name()));
            return Optional.of(KeyChoice.of(
                    prefs.getInt("root", 0),
                    s,
                    prefs.getInt("low", Keys.LOWEST_PITCH),
                    prefs.getInt("high", Keys.HIGHEST_PITCH)));
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged or outdated setting: the setup's keys
        }
    }

    private static Optional<List<OutputSpec>> rememberedOutputs(Preferences prefs) {
        try {
            String o = prefs.get("output", null);
            if (o == null) {
                return Optional.empty();
            }
            OutputSpec spec = OutputSpec.parse(o);
            if (spec.soundfont().isPresent()
                    && (!Files.isRegularFile(spec.soundfont().get())
                            || RememberedModel.installationHolding(
                                            spec.soundfont().get())
                                    .isPresent())) {
                return Optional
                        .empty(); // a soundfont that is gone, or another copy's of the app: not ours to reach into
            }
            return Optional.of(List.of(spec));
        } catch (RuntimeException e) { // a damaged setting: as if none
            return Optional.empty();
        }
    }

    /** Loads the model and opens the chain: the command line's model, else last time's, else the shipped one. */
    void start() {
        controller.open(initialModel(), setup.record().isPresent());
        // the sampled piano loads (the first time: builds) in the background; Gervill's set plays meanwhile
        PianoSound.prepareInBackground(
                s -> javafx.application.Platform.runLater(() -> say(Message.info(s))),
                s -> javafx.application.Platform.runLater(() -> say(Message.problem(s))));
    }

    Path initialModel() {
        return startModel.folder();
    }

    /** The shipped model of this copy of the app (null if it has none: a remembered folder or --model then). */
    private Path shipped() {
        return shippedOrNull();
    }

    private static Path shippedOrNull() {
        try {
            return dev.pianogenie.app.live.DefaultModel.locate();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Where the model in use came from, said beside its folder. */
    String modelOrigin(Path folder) {
        if (setup.isChosen(Choice.MODEL) && folder.equals(setup.model().orElse(null))) {
            return "--model";
        }
        if (isShipped(folder)) {
            return "shipped";
        }
        return startModel.remembered() && folder.equals(startModel.folder()) ? "as last time" : "chosen here";
    }

    private static boolean isShipped(Path folder) {
        try {
            return folder.toAbsolutePath()
                    .normalize()
                    .equals(dev.pianogenie.app.live.DefaultModel.locate().normalize());
        } catch (IllegalStateException e) {
            return false;
        }
    }

    // ---- read-only state ----

    LiveSetup setup() {
        return setup;
    }

    ReadOnlyDoubleProperty temperature() {
        return temperature.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<KeyChoice> keys() {
        return keys.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty velocity() {
        return velocity.getReadOnlyProperty();
    }

    /** Whether presses play at {@link #velocity()} (else at the model's velocity and the dynamics). */
    ReadOnlyBooleanProperty velocityFixed() {
        return velocityFixed.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty dynamics() {
        return dynamics.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<OutputSpec>> outputs() {
        return outputs.getReadOnlyProperty();
    }

    ReadOnlyStringProperty outputStatus() {
        return outputStatus.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty outputProblem() {
        return outputProblem.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty outputAlarm() {
        return outputAlarm.getReadOnlyProperty();
    }

    ReadOnlyStringProperty modelName() {
        return modelName.getReadOnlyProperty();
    }

    ReadOnlyStringProperty modelDetail() {
        return modelDetail.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty buttons() {
        return buttons.getReadOnlyProperty();
    }

    ReadOnlyStringProperty modelFolder() {
        return modelFolder.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty controllerStatus() {
        return controllerStatus.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty controllerConnected() {
        return controllerConnected.getReadOnlyProperty();
    }

    ReadOnlyStringProperty latency() {
        return latency.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty recording() {
        return recording.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty pedalDown() {
        return pedalDown.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty modelReady() {
        return modelReady.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Optional<Path>> lastTake() {
        return lastTake.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty takes() {
        return takes.getReadOnlyProperty();
    }

    UiEvents events() {
        return events;
    }

    /** Where the on-screen buttons deliver (nothing before the model is loaded). */
    ButtonListener input() {
        return controller.input();
    }

    ComputerKeyboard keyboard() {
        return controller.keyboard();
    }

    LevelMeter meter() {
        return controller.meter();
    }

    PlayController engineRoom() {
        return controller;
    }

    // ---- commands ----

    void setTemperature(double t) {
        double v = Math.max(0, Math.min(1, Math.round(t * 100) / 100.0));
        if (v != temperature.get()) {
            temperature.set(v);
            modelPrefs.putDouble("temperature", v);
            applySampling();
        }
    }

    private void applySampling() {
        KeyChoice k = keys.get();
        if (controller.applySampling(temperature.get(), k)) {
            sent.add(new SamplingChange(temperature.get(), k.scale(), k.range()));
        }
    }

    /**
     * The performer went on with {@code applied}: the window's own change coming back, or a replayed take's (shown
     * here, as it plays; not remembered as the player's choice). While changes of the player's are on their way it
     * shows theirs: they come after.
     */
    void samplingApplied(SamplingChange applied) {
        if (applied.equals(sent.peek())) {
            sent.poll();
            return;
        }
        if (sent.isEmpty()) {
            temperature.set(applied.temperature());
            keys.set(new KeyChoice(applied.scale(), applied.range()));
        }
    }

    void nudgeTemperature(double by) {
        setTemperature(temperature.get() + by);
    }

    /** New allowed keys; a choice that leaves no key is refused with a message (the old one stays). */
    void setKeys(int root, Scale scale, int low, int high) {
        KeyChoice k;
        try {
            k = KeyChoice.of(root, scale, Math.min(low, high), Math.max(low, high));
        } catch (IllegalArgumentException e) {
            say(Message.problem(e.getMessage() + ": the keys stay " + keys.get()));
            return;
        }
        keys.set(k);
        modelPrefs.put("scale", k.scale().scale().name());
        modelPrefs.putInt("root", k.root());
        modelPrefs.putInt("low", k.range().lowPitch());
        modelPrefs.putInt("high", k.range().highPitch());
        applySampling();
    }

    void setVelocity(int v) {
        int c = Math.max(1, Math.min(127, v));
        velocity.set(c);
        prefs.putInt("velocity", c);
        if (velocityFixed.get()) {
            applyLoudness(true);
        }
    }

    /** Fixed velocity on (presses play at the Velocity slider's) or off (the model's velocity at the dynamics). */
    void setVelocityFixed(boolean fixed) {
        if (fixed != velocityFixed.get()) {
            velocityFixed.set(fixed);
            prefs.putBoolean("velocity_fixed", fixed);
            applyLoudness(true);
        }
    }

    void setDynamics(int level) {
        int c = Math.max(1, Math.min(127, level));
        if (c != dynamics.get()) {
            dynamics.set(c);
            prefs.putInt("dynamics", c);
            applyLoudness(false);
        }
    }

    /** ← / →: the next dynamic mark down or up (pp … ff). */
    void nudgeDynamics(int direction) {
        setDynamics(Dynamics.step(dynamics.get(), direction));
    }

    private void applyLoudness(boolean velocityChanged) {
        int fixed = velocityFixed.get() ? velocity.get() : ButtonEvent.NO_VELOCITY;
        boolean sentNow;
        if (velocityChanged) {
            controller.setVelocity(fixed);
            sentNow = controller.session() != null;
        } else {
            sentNow = controller.setDynamics(dynamics.get());
        }
        if (sentNow) {
            loudnessPending++;
        }
    }

    /**
     * The performer went on with these dynamics and fixed velocity: the window's own change coming back, or a
     * controller's (a gamepad trigger, the microphone, a MIDI keyboard as the dynamics) or a replayed take's — shown,
     * not remembered as the player's choice.
     */
    void loudnessApplied(int level, int fixed) {
        if (loudnessPending > 0) {
            loudnessPending--;
        }
        if (loudnessPending == 0) { // nothing of the player's on the way: show what the performer plays with
            dynamics.set(level);
            velocityFixed.set(fixed != ButtonEvent.NO_VELOCITY);
            if (fixed != ButtonEvent.NO_VELOCITY) {
                velocity.set(fixed);
            }
        }
    }

    void chooseOutput(OutputSpec spec) {
        controller.setOutput(spec);
    }

    void loadModel(Path folder) {
        controller.open(folder, false);
    }

    /** A controller chosen in the window ("midi:NAME", "mic"; "none" removes it). */
    void addController(String spec) {
        controller.setExtraController(spec);
    }

    void toggleRecording() {
        if (recording.get()) {
            stopRecording();
        } else {
            startRecording();
        }
    }

    void startRecording() {
        if (!recording.get() && modelReady.get()) {
            controller.startTake(recordingStarted());
        }
    }

    void stopRecording() {
        if (recording.get()) {
            recording.set(false);
            controller.stopTake();
        }
    }

    /** Copies the last take (or the one under way) to a file the player chose. */
    void saveTakeAs(Path mid) {
        controller.saveTakeAs(mid);
    }

    /** Renders the last take (or the one under way) to WAV beside it, through the built-in synth, offline. */
    void exportWav() {
        Path mid = lastTake.get().orElse(null);
        if (mid == null && !recording.get()) {
            say(Message.problem("Nothing recorded yet: press Record (F5), play, press it again, then Export WAV"));
            return;
        }
        controller.exportWav(outputs.get().stream()
                .map(OutputSpec::renderSoundfont)
                .flatMap(Optional::stream)
                .findFirst());
    }

    void panic() {
        controller.panic();
    }

    void pedal(boolean down) {
        controller.pedal(down);
    }

    @Override
    public void close() {
        controller.close();
    }

    // ---- what the engine room reports (JavaFX thread) ----

    /**
     * The file of the next take: --record's for the first, then numbered beside it; else time-stamped in the takes
     * folder — never a file that is there already (an earlier take, a session being replayed) nor one handed out to
     * a take still being saved: numbered past those.
     */
    private Path nextTakeFile() {
        int n = takes.get() + 1;
        Path wanted;
        if (setup.record().isPresent()) {
            wanted = setup.record().get();
        } else {
            String stamp = java.time.LocalDateTime.now()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            wanted = takesFolder.resolve("take-" + stamp + (n > 1 ? "-" + n : "") + ".mid");
        }
        Path file = dev.pianogenie.app.live.RecordTarget.unused(wanted, handedOut::contains);
        handedOut.add(file);
        return file;
    }

    /** Shows recording as started (for a take the engine room starts by itself) and says where it goes. */
    Path recordingStarted() {
        recording.set(true);
        return nextTakeFile();
    }

    void takeStarted() {
        takes.set(takes.get() + 1);
    }

    void takeSaved(Path mid) {
        lastTake.set(Optional.of(mid));
    }

    void recordingStopped() {
        recording.set(false);
    }

    void busy(String what) {
        busy.set(true);
        say(Message.info(capitalise(what) + "…"));
    }

    void done() {
        busy.set(false);
    }

    void problem(String text) {
        busy.set(false);
        say(Message.problem(text));
    }

    void say(Message m) {
        message.set(m);
    }

    void modelLoaded(PianoGenieModel model, Path dir) {
        loudnessPending = 0;
        sent.clear(); // a new performer, opened with the settings shown: what went to the old one may never come back
        modelName.set(model.config().name());
        buttons.set(model.config().numButtons());
        modelDetail.set(
                model.describe() + " · " + model.config().encoding().name().toLowerCase() + " features · LSTM "
                        + model.config().rnnLayers() + "×" + model.config().rnnDim()
                        + (model.config().provenance().containsKey("licence")
                                ? " · " + model.config().provenance().get("licence")
                                : ""));
        modelFolder.set(shortPath(dir) + " (" + modelOrigin(dir) + ")");
        String key = RememberedModel.remember(prefs, dir, shipped());
        if (!key.equals(
                modelKey)) { // another model: its own settings, where it has some and the command line chose none
            modelKey = key;
            modelPrefs = prefs.node("models").node(key);
            if (!setup.isChosen(Choice.TEMPERATURE) && modelPrefs.get("temperature", null) != null) {
                setTemperature(modelPrefs.getDouble("temperature", temperature.get()));
            }
            if (!setup.isChosen(Choice.KEYS)) {
                rememberedKeys(modelPrefs)
                        .ifPresent(k -> setKeys(
                                k.root(),
                                k.scale().scale(),
                                k.range().lowPitch(),
                                k.range().highPitch()));
            }
        }
        modelReady.set(true);
        boolean first = !startNoteSaid;
        startNoteSaid = true;
        say(Message.info("Ready: " + model.config().name() + "."
                + (first ? startModel.note().map(n -> " " + n).orElse("") : "")));
    }

    /** @param chosen the player chose it just now: the status line says it is open (not "Opening…" any more) */
    private boolean startNoteSaid;

    void outputOpened(List<OutputSpec> specs, String description, boolean chosen) {
        outputs.set(specs);
        outputStatus.set(description);
        outputProblem.set(false);
        outputAlarm.set(false);
        if (chosen) {
            say(Message.info("Output: " + description));
        }
        if (specs.size() == 1) {
            prefs.put("output", specs.get(0).toString());
        }
    }

    /**
     * @param chosen the player chose it: a problem in the status line; else (the default synth without a sound card)
     *               it is said once, calmly, beside the Output menu
     */
    void outputFailed(List<OutputSpec> specs, String status, String text, boolean chosen) {
        outputs.set(specs);
        outputStatus.set(status);
        outputProblem.set(true);
        outputAlarm.set(chosen);
        if (chosen) {
            say(Message.problem(text));
        }
    }

    /** A controller chosen in the window that could not be opened; the menu goes back to offering it. */
    void extraControllerFailed(String spec) {
        extraControllerFailed.set(spec);
        extraControllerFailed.set(null);
    }

    ReadOnlyObjectProperty<String> extraControllerFailed() {
        return extraControllerFailed.getReadOnlyProperty();
    }

    private final ReadOnlyObjectWrapper<String> extraControllerFailed = new ReadOnlyObjectWrapper<>();

    void controller(boolean connected, String text) {
        controllerConnected.set(connected);
        controllerStatus.set(text);
    }

    void pedalShown(boolean down) {
        pedalDown.set(down);
    }

    void latencyShown(String text) {
        latency.set(text);
    }

    /** A folder as a person reads it: under the home folder as ~/… */
    static String shortPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        return abs.startsWith(home) && !abs.equals(home) ? "~/" + home.relativize(abs) : abs.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
