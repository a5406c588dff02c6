package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.replay.ReplaySource;
import dev.pianogenie.app.live.KeyChoice;
import dev.pianogenie.app.live.LiveSession;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The window as an exhibit ({@code ./genie --kiosk}): full screen with large pads and the piano, nothing else — no
 * setup or record bar, so no Model…/Browse/Save dialog can be reached (Ctrl-S and F5 do nothing); the only way out
 * is the chosen key combination. The cursor hides after {@link #CURSOR_HIDE} without mouse movement. When nobody has
 * played for the idle time it starts a new phrase with the exhibit's own settings (those it started with: a visitor's
 * ↑↓ temperature and ←→ dynamics last until then), and, with an attract session, replays it while nobody plays — the
 * first press stops it: a key, a click or touch, or a note the demo did not play (a MIDI keyboard, a gamepad). The visitor's texts come from the {@code kiosk} resource bundle in
 * the exhibit's language.
 */
final class Kiosk {
    static final Duration CURSOR_HIDE = Duration.seconds(3);
    static final String BUNDLE = "dev.pianogenie.app.ui.kiosk";

    private final Stage stage;
    private final MainView view;
    private final KioskSettings settings;
    private final ResourceBundle text;
    private final Label banner = new Label();
    /** The exhibit's settings, as the window started. */
    private final double temperature;

    private final KeyChoice keys;
    private final int dynamics;
    private final int velocity;
    private final boolean velocityFixed;
    private final Timeline hideCursor;
    /** The idle watch, four times a second; stopped with the kiosk, or its idle reset would act on a closed window. */
    private Timeline watch;

    private long lastActivityNanos = System.nanoTime();
    private int notesSeen;
    private boolean idle; // reset done, nobody has played since
    private boolean
            attractDue; // idle: the demo starts as soon as there is a session to play it (the model may be loading)
    private ReplaySource attract;
    /** Presses the demo has handed to the performer, and the notes shown when it started: more notes than that is a visitor. */
    private final java.util.concurrent.atomic.AtomicInteger demoPresses =
            new java.util.concurrent.atomic.AtomicInteger();

    private int notesAtDemoStart;
    private boolean quitting;

    private Kiosk(Stage stage, MainView view, KioskSettings settings) {
        this.stage = stage;
        this.view = view;
        this.settings = settings;
        this.text = bundle(settings.locale());
        AppState s = view.state;
        temperature = s.temperature().get();
        keys = s.keys().get();
        dynamics = s.dynamics().get();
        velocity = s.velocity().get();
        velocityFixed = s.velocityFixed().get();
        hideCursor =
                new Timeline(new KeyFrame(CURSOR_HIDE, e -> stage.getScene().setCursor(Cursor.NONE)));
    }

    /** The texts of a language: its own bundle, else English (never the machine's other language). */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Shows {@code view} on {@code stage} as an exhibit. */
    static Kiosk show(Stage stage, MainView view, KioskSettings settings) {
        Kiosk k = new Kiosk(stage, view, settings);
        k.build();
        return k;
    }

    private void build() {
        view.root.setTop(null); // the setup bar: model, output, controllers — the exhibit's, not the visitor's
        view.root.setBottom(null); // the record bar and messages (Save, Export, folders)
        view.root.getStyleClass().add("kiosk");
        // no message bar for visitors: the installer finds the exhibit's problems in its log (stderr)
        view.state.message().addListener((o, was, m) -> {
            if (m != null && m.problem()) {
                System.err.println("genie: kiosk: " + m.text());
            }
        });
        view.pad.setMaxHeight(Double.MAX_VALUE);
        view.pad.setPrefHeight(320);
        javafx.scene.layout.VBox.setVgrow(view.pad, javafx.scene.layout.Priority.ALWAYS);
        ((Label) view.root.lookup("#hint")).setText(text.getString("hint"));
        ((Label) view.root.lookup("#next-legend")).setText(text.getString("next_legend"));
        ((Label) view.root.lookup("#heat-legend")).setText(text.getString("heat_legend"));
        banner.setId("attract-banner");
        banner.getStyleClass().add("attract-banner");
        banner.setText(text.getString("attract"));
        banner.setVisible(false);
        banner.setMouseTransparent(true);
        Rectangle2D screen = Screen.getPrimary().getBounds();
        Scene scene = view.scene(screen.getWidth(), screen.getHeight());
        Label hint = (Label) view.root.lookup("#hint");
        hint.setWrapText(true); // the visitor's language may be longer than the window is wide: two lines, not "…"
        hint.prefWidthProperty().bind(scene.widthProperty().subtract(24));
        StackPane top = new StackPane(view.root, banner); // the banner over the roll, while the demo plays
        StackPane.setAlignment(banner, Pos.BOTTOM_CENTER);
        scene.setRoot(top);
        stage.setTitle(text.getString("title"));
        stage.setScene(scene);
        // a visitor's press, click or touch: the window's own filters come after (they play it)
        stage.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
        stage.addEventFilter(TouchEvent.TOUCH_PRESSED, this::activity);
        stage.addEventFilter(MouseEvent.MOUSE_MOVED, e -> showCursor());
        stage.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> showCursor());
        stage.setOnCloseRequest(e -> {
            if (!quitting) {
                e.consume(); // Alt-F4 and the like: only the chosen combination quits
            }
        });
        stage.addEventFilter(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> close()); // before the session closes
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && !quitting) {
                Platform.runLater(() -> stage.setFullScreen(true)); // the desktop took it away: back
            }
        });
        watch = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
        watch.setCycleCount(Timeline.INDEFINITE);
        watch.play();
        hideCursor.play();
        stage.show();
        stage.requestFocus(); // full screen after showing, on the focused window (Monocle needs it so)
        stage.setFullScreen(true);
    }

    private void key(KeyEvent e) {
        if (settings.quit().match(e)) {
            quit();
            e.consume();
            return;
        }
        boolean locked = e.getCode() == KeyCode.F5 || e.isShortcutDown() || e.isAltDown();
        if (locked) {
            e.consume(); // record, Save As… and the window's other shortcuts are the exhibit's
            return;
        }
        activity(e);
    }

    private void activity(Event e) {
        lastActivityNanos = System.nanoTime();
        if (attract != null) {
            stopAttract();
        }
        attractDue = false;
        idle = false;
    }

    private void showCursor() {
        stage.getScene().setCursor(Cursor.DEFAULT);
        hideCursor.playFromStart();
    }

    /** Four times a second: notes from a controller (a MIDI keyboard, a gamepad) count as playing too. */
    private void tick() {
        int notes = view.notesShown();
        if (notes != notesSeen) {
            notesSeen = notes;
            if (attract == null) {
                lastActivityNanos = System.nanoTime();
                idle = false;
            } else if (notes - notesAtDemoStart > demoPresses.get()) {
                activity(null); // a note the demo did not play: a visitor at a MIDI keyboard or a gamepad
            }
        }
        if (!idle && System.nanoTime() - lastActivityNanos >= settings.idle().toNanos()) {
            idleReset();
        }
        if (attractDue) {
            startAttract();
        }
    }

    /** Nobody played for the idle time: a new phrase with the exhibit's settings, then the demo if there is one. */
    void idleReset() {
        idle = true;
        restoreSettings();
        AppState s = view.state;
        s.panic();
        s.input().onEvent(ButtonEvent.reset(System.nanoTime()));
        attractDue = settings.attract().isPresent();
        startAttract();
    }

    /** The exhibit's own settings again (a take replayed as the demo may carry changes of its own). */
    private void restoreSettings() {
        AppState s = view.state;
        s.setTemperature(temperature);
        s.setKeys(
                keys.root(),
                keys.scale().scale(),
                keys.range().lowPitch(),
                keys.range().highPitch());
        s.setDynamics(dynamics);
        s.setVelocity(velocity);
        s.setVelocityFixed(velocityFixed);
    }

    private void startAttract() {
        LiveSession session = view.state.engineRoom().session();
        if (settings.attract().isEmpty()
                || session == null
                || attract != null
                || !view.state.modelReady().get()) {
            return;
        }
        attractDue = false;
        ReplaySource demo = new ReplaySource(settings.attract().get(), true, () -> Platform.runLater(this::demoEnded));
        ButtonListener performer = session.input();
        demoPresses.set(0);
        notesAtDemoStart = view.notesShown();
        try {
            demo.start(
                    new ButtonListener() { // counts its presses, so that a visitor's own notes show as more
                        @Override
                        public void onEvent(ButtonEvent e) {
                            count(e);
                            performer.onEvent(e);
                        }

                        @Override
                        public boolean offer(ButtonEvent e, long timeout, TimeUnit unit) throws InterruptedException {
                            count(e);
                            boolean taken = performer.offer(e, timeout, unit);
                            if (!taken && e.kind() == ButtonEvent.Kind.PRESS) {
                                demoPresses.decrementAndGet(); // offered again
                            }
                            return taken;
                        }

                        private void count(ButtonEvent e) {
                            if (e.kind() == ButtonEvent.Kind.PRESS) {
                                demoPresses.incrementAndGet();
                            }
                        }
                    });
        } catch (ControllerException e) {
            System.err.println("genie: the attract session cannot play: " + e.getMessage());
            return;
        }
        attract = demo;
        banner.setVisible(true);
    }

    /** The demo played to its end: again from the start, after the idle time's quiet, if nobody came. */
    private void demoEnded() {
        if (attract == null) {
            return;
        }
        attract.close();
        attract = null;
        banner.setVisible(false);
        lastActivityNanos = System.nanoTime();
        idle = false; // the next idle reset starts it again
    }

    private void stopAttract() {
        ReplaySource demo = attract;
        attract = null;
        banner.setVisible(false);
        demo.close(); // once it returns the demo delivers nothing more
        restoreSettings();
        view.state.panic();
        view.state.input().onEvent(ButtonEvent.reset(System.nanoTime())); // the visitor starts a phrase of their own
    }

    /** Stops the demo, if it plays, and the idle watch (the window closing; tests). */
    void close() {
        if (watch != null) {
            watch.stop(); // a watch left running reset the phrase and silenced the outputs of a window already closed
        }
        hideCursor.stop();
        if (attract != null) {
            attract.close();
            attract = null;
        }
    }

    boolean attractPlaying() {
        return attract != null;
    }

    private void quit() {
        quitting = true;
        if (attract != null) {
            stopAttract();
        }
        stage.setFullScreen(false);
        stage.close();
    }
}
